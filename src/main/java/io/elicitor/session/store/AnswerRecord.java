package io.elicitor.session.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An answer given in a session (append-only), with the response body it got, for idempotent repeats. */
@Entity
@Table(name = "elicitor_answer")
public class AnswerRecord extends PanacheEntityBase {
    @Id
    @Column(name = "query_id")
    public String queryId;
    @Column(name = "session_id")
    public String sessionId;
    public int seq;
    /** The item chosen in an item query; null for a partial one. */
    @Column(name = "chosen_item_id")
    public String chosenItemId;
    /** The option chosen in a partial query; null for an item one. */
    @Column(name = "chosen_option")
    public Integer chosenOption;
    @Column(name = "result_json")
    public String resultJson;
    @Column(name = "answered_at")
    public Instant answeredAt;
}
