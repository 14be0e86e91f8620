package io.flowdesk.security;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

interface ApiKeyRepository extends Repository<ApiKey, Long> {

    ApiKey saveAndFlush(ApiKey key);

    Optional<ApiKey> findById(Long id);

    Optional<ApiKey> findByHash(String hash);

    boolean existsByName(String name);

    List<ApiKey> findAllByOrderByIdDesc();
}
