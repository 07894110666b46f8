package io.elicitor.experiment;

import java.util.List;

/**
 * An experiment as an admin defines it: the body of {@code POST /experiments}, checked by
 * {@link DefinitionValidator}.
 *
 * @param name what it compares, for people
 * @param catalog the catalog whose new sessions it assigns (absent: the default catalog)
 * @param unit {@code session} or {@code userKey} (absent: {@code session})
 * @param arms 2 to 10 arms, the control first
 * @param salt normally left out (a random one is drawn); giving one makes a rehearsal's assignment
 *     reproducible across experiments
 */
public record Definition(String name, String catalog, String unit, List<Arm> arms, String salt) {}
