package io.flowdesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** How satisfied the customer was with a resolved ticket: a score of 1 to 5 and what they wrote. Given once. */
@Embeddable
public class Satisfaction {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    public static final int COMMENT_LENGTH = 1000;

    @Column(name = "satisfaction_score")
    private Integer score;

    @Column(name = "satisfaction_comment", length = COMMENT_LENGTH)
    private String comment;

    @Column(name = "satisfaction_rated_at")
    private Instant ratedAt;

    protected Satisfaction() {
    }

    Satisfaction(int score, String comment, Instant ratedAt) {
        if (score < LOWEST || score > HIGHEST) {
            throw new IllegalArgumentException("a satisfaction score is " + LOWEST + " to " + HIGHEST + ": " + score);
        }
        this.score = score;
        this.comment = comment;
        this.ratedAt = ratedAt;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }
}
