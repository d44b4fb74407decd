using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class CollectionRoundConfiguration : IEntityTypeConfiguration<CollectionRound>
{
    public void Configure(EntityTypeBuilder<CollectionRound> b)
    {
        b.ToTable("collection_rounds", "care");
        b.HasKey(r => r.Id);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Wing).HasMaxLength(60);
        b.Property(r => r.Box).HasMaxLength(60);
        b.Property(r => r.OpenedByName).HasMaxLength(200);
        b.HasIndex(r => new { r.UnitId, r.ClosedAt });
        // The queue's wing and nurse filters read the last months' rounds (Pages/CareRequests/Index).
        b.HasIndex(r => new { r.UnitId, r.CollectedAt });
    }
}

internal sealed class CareRequestConfiguration : IEntityTypeConfiguration<CareRequest>
{
    public void Configure(EntityTypeBuilder<CareRequest> b)
    {
        b.ToTable("care_requests", "care");
        b.HasKey(r => r.Id);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CollectionRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.CloseReason).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Summary).HasMaxLength(500);
        b.Property(r => r.UnidentifiedName).HasMaxLength(200);
        b.Property(r => r.Wing).HasMaxLength(60);
        b.Property(r => r.LoggedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsRowVersion();
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(r => r.Events).AutoInclude(false);
        b.HasIndex(r => new { r.UnitId, r.Status, r.Team, r.CollectedAt });
        b.HasIndex(r => r.RoundId);
        b.HasIndex(r => r.PatientId);
        // Issue #9: the dashboard's median wait reads the requests answered in the last weeks, not the unit's history.
        b.HasIndex(r => new { r.UnitId, r.AnsweredAt }, "answered")
            .HasDatabaseName("ix_care_requests_answered").HasFilter("status = 'SeenInConsultation'")
            .IncludeProperties(r => r.CollectedAt); // the wait is computed from the index alone
        b.Ignore(r => r.RecordTeam);
        b.Ignore(r => r.IsOpen);
    }
}

internal sealed class CareRequestEventConfiguration : IEntityTypeConfiguration<CareRequestEvent>
{
    public void Configure(EntityTypeBuilder<CareRequestEvent> b)
    {
        b.ToTable("care_request_events", "care");
        b.HasKey(e => e.Id);
        // Events are appended through CareRequest.Events with their id already set: never generated, always inserted.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.To).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Note).HasMaxLength(600);
        b.Property(e => e.ByName).HasMaxLength(200);
        b.HasIndex(e => e.RequestId);
    }
}

internal sealed class CareRequestScanConfiguration : IEntityTypeConfiguration<CareRequestScan>
{
    public void Configure(EntityTypeBuilder<CareRequestScan> b)
    {
        b.ToTable("care_request_scans", "care");
        b.HasKey(s => s.Id);
        b.HasOne<CareRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.ContentType).HasMaxLength(40);
        b.Property(s => s.FileName).HasMaxLength(200);
        b.HasIndex(s => s.RequestId);
    }
}
