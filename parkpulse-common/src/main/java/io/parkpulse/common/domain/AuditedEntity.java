package io.parkpulse.common.domain;

import io.parkpulse.common.error.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A mutable aggregate: optimistic locking (a stale update is refused with 409) and who created it
 * and when it last changed, the same way in every service.
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public void stampCreated(String user) {
        createdAt = OffsetDateTime.now();
        updatedAt = createdAt;
        createdBy = user;
    }

    public void stampUpdated() {
        updatedAt = OffsetDateTime.now();
    }

    /**
     * Refuses a change made from a stale read (409 with the current version in the context), before
     * anything is touched; Hibernate's version check at flush catches the race this cannot see.
     */
    public void requireVersion(long expected, String whatChinese, String whatEnglish) {
        if (version != expected) {
            throw ProblemException.conflict(
                    "stale_version",
                    whatChinese + "在您读取（第" + expected + "版）之后已被修改，现为第" + version + "版：请重新读取后再提交修改",
                    whatEnglish + " changed since version " + expected + "; it is now at version " + version
                            + ": read it again and reapply your change",
                    java.util.Map.of("currentVersion", version));
        }
    }

    /**
     * The rule of every create-or-replace endpoint: replacing what exists needs the version the caller
     * read (400 without it, 409 when stale), so a client that never read the resource cannot overwrite it.
     */
    public void requireVersionToReplace(Long expected, String whatChinese, String whatEnglish) {
        if (expected == null) {
            throw ProblemException.badRequest(
                    "version",
                    "required",
                    whatChinese + "已存在：修改时请提交读取到的版本号 version",
                    whatEnglish + " exists: send the version you read to replace it");
        }
        requireVersion(expected, whatChinese, whatEnglish);
    }
}
