package io.flowdesk.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.repository.Repository;

import java.util.Optional;

/** Entries are saved and read; this repository has no way to change or delete one. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    Optional<AuditEvent> findById(Long id);

    Page<AuditEvent> findAll(Specification<AuditEvent> matching, Pageable pageable);
}
