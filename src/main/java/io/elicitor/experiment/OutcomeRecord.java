package io.elicitor.experiment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a user did with a recommendation, as the app reported it (append-only). */
@Entity
@Table(name = "elicitor_outcome")
public class OutcomeRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "outcome_id")
    public Long outcomeId;
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "item_id")
    public String itemId;
    public boolean accepted;
    public Double rating;
    @Column(name = "reported_at")
    public Instant reportedAt;
}
