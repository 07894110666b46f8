package io.elicitor.experiment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An experiment's row in PostgreSQL; the arms are kept as JSON. */
@Entity
@Table(name = "elicitor_experiment")
public class ExperimentRecord extends PanacheEntityBase {
    @Id
    @Column(name = "experiment_id")
    public String experimentId;
    public String name;
    @Column(name = "catalog_id")
    public String catalogId;
    public String unit;
    public String salt;
    @Column(name = "arms_json")
    public String armsJson;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
}
