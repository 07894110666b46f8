package io.elicitor.session.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A session's row in the PostgreSQL log: what it was created with, and its current version. */
@Entity
@Table(name = "elicitor_session")
public class SessionRecord extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "catalog_id")
    public String catalogId;
    @Column(name = "catalog_version")
    public String catalogVersion;
    @Column(name = "slate_size")
    public int slateSize;
    public String strategy;
    @Column(name = "query_kind")
    public String queryKind;
    @Column(name = "partial_attributes")
    public Integer partialAttributes;
    @Column(name = "allow_repeats")
    public boolean allowRepeats;
    @Column(name = "user_key")
    public String userKey;
    public long seed;
    public int particles;
    public double lambda;
    @Column(name = "rejuvenation_steps")
    public int rejuvenationSteps;
    @Column(name = "filter_json")
    public String filterJson;
    @Column(name = "experiment_id")
    public String experimentId;
    public String arm;
    @Column(name = "max_queries")
    public Integer maxQueries;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
