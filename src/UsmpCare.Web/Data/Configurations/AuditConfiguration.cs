using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        // Partitioned by month on « at » (ADR 0013): PostgreSQL requires the partition key in the primary key.
        b.ToTable("audit_events", "audit");
        b.HasKey(e => new { e.Id, e.At });
        // Ids are the chain's order, assigned under the append lock (AuditTrail), never by a sequence.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.UserName).HasMaxLength(200);
        b.Property(e => e.Roles).HasMaxLength(200);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Target).HasMaxLength(400);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.PatientId, e.At });
        b.HasIndex(e => new { e.UnitId, e.At });
        b.HasIndex(e => e.UserId);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("chain_head", "audit", t => t.HasCheckConstraint("ck_chain_head_singleton", "singleton"));
        b.HasKey(h => h.Singleton);
        b.Property(h => h.Singleton).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}
