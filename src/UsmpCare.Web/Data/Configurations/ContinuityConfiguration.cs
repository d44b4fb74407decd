using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class ReleasePlanConfiguration : IEntityTypeConfiguration<ReleasePlan>
{
    public void Configure(EntityTypeBuilder<ReleasePlan> b)
    {
        b.ToTable("release_plans", "continuity");
        b.HasKey(r => r.PatientId);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Visit).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.VisitByName).HasMaxLength(200);
        b.Property(r => r.CoordinatingPhysician).HasMaxLength(300);
        b.Property(r => r.TreatingPhysician).HasMaxLength(300);
        b.Property(r => r.ReleasedWithoutPackReason).HasMaxLength(500);
        b.Property(r => r.Version).IsRowVersion();
    }
}

internal sealed class RecordAccessRequestConfiguration : IEntityTypeConfiguration<RecordAccessRequest>
{
    public void Configure(EntityTypeBuilder<RecordAccessRequest> b)
    {
        b.ToTable("record_access_requests", "continuity");
        b.HasKey(r => r.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Requester).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.RequesterName).HasMaxLength(300);
        b.Property(r => r.HandedOverByName).HasMaxLength(200);
        b.Property(r => r.PatientDocumentType).HasMaxLength(40);
        b.Property(r => r.PatientDocumentByName).HasMaxLength(200);
        b.Property(r => r.LegalBasis).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.RecordedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsRowVersion();
        b.HasIndex(r => new { r.UnitId, r.HandedOverOn });
    }
}

internal sealed class ExternalAppointmentConfiguration : IEntityTypeConfiguration<ExternalAppointment>
{
    public void Configure(EntityTypeBuilder<ExternalAppointment> b)
    {
        b.ToTable("external_appointments", "continuity");
        b.HasKey(a => a.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EscortPlace>().WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Restrict);
        // 1400: the EscortPlaces migration moved the destination typed before the list of places (300) into it.
        b.Property(a => a.MedicalReason).HasMaxLength(1400);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.CancelledBy).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.CancellationCause).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.RequestedByName).HasMaxLength(200);
        b.Property(a => a.Version).IsRowVersion();
        b.HasIndex(a => new { a.UnitId, a.At });
        b.Ignore(a => a.CancellationNotice);
        b.Ignore(a => a.IsHospitalisation);
    }
}

internal sealed class EscortPlaceConfiguration : IEntityTypeConfiguration<EscortPlace>
{
    public void Configure(EntityTypeBuilder<EscortPlace> b)
    {
        b.ToTable("escort_places", "continuity");
        b.HasKey(p => p.Id);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Name).HasMaxLength(EscortPlace.NameLength);
        b.HasIndex(p => new { p.UnitId, p.Name }).IsUnique();
        b.Ignore(p => p.Shown);
    }
}

internal sealed class TransferPackConfiguration : IEntityTypeConfiguration<TransferPack>
{
    public void Configure(EntityTypeBuilder<TransferPack> b)
    {
        b.ToTable("transfer_packs", "continuity");
        b.HasKey(t => t.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Destination).HasMaxLength(300);
        b.Property(t => t.SentByName).HasMaxLength(200);
        b.Property(t => t.AcknowledgedByName).HasMaxLength(200);
        b.HasIndex(t => t.ToUnitId);
        b.HasIndex(t => t.UnitId);
    }
}
