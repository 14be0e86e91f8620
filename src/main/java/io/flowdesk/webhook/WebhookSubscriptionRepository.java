package io.flowdesk.webhook;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

interface WebhookSubscriptionRepository extends Repository<WebhookSubscription, Long> {

    WebhookSubscription save(WebhookSubscription subscription);

    Optional<WebhookSubscription> findById(Long id);

    List<WebhookSubscription> findAllByOrderByIdAsc();

    void delete(WebhookSubscription subscription);
}
