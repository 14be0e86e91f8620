package io.flowdesk.ticket;

import org.springframework.data.repository.Repository;

import java.util.Optional;

interface IdempotencyKeyRepository extends Repository<IdempotencyKey, Long> {

    IdempotencyKey saveAndFlush(IdempotencyKey key);

    Optional<IdempotencyKey> findByCallerAndKey(String caller, String key);
}
