package io.elicitor.session.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A query asked in a session (append-only); {@code seq} is 1 for the first question. */
@Entity
@Table(name = "elicitor_query")
public class QueryRecord extends PanacheEntityBase {
    @Id
    @Column(name = "query_id")
    public String queryId;
    @Column(name = "session_id")
    public String sessionId;
    public int seq;
    @Column(name = "item_ids_json")
    public String itemIdsJson;
    /** A partial query's attributes and option vectors (JSON); null for an item query. */
    @Column(name = "partial_json")
    public String partialJson;
    public double evoi;
    @Column(name = "utility_scale")
    public double utilityScale;
    @Column(name = "probability_top_is_best")
    public double probabilityTopIsBest;
    public boolean stop;
    @Column(name = "plan_millis")
    public Double planMillis;
    @Column(name = "asked_at")
    public Instant askedAt;
}
