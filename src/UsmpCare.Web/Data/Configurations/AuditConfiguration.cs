using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events", "audit");
        b.HasKey(e => e.Id);
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
