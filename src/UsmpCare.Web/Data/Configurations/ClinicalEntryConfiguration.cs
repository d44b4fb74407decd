using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Data.Configurations;

/// <summary>
/// Both records share one shape, each in its team's schema (P30): a team's database role can later be granted one
/// schema and not the other. Diagnoses, prescriptions and vital signs are JSON inside the entry, so the whole entry
/// is one row that the immutability trigger protects at once (P17).
/// </summary>
internal abstract class ClinicalEntryConfiguration<T>(string schema) : IEntityTypeConfiguration<T>
    where T : ClinicalEntry
{
    public void Configure(EntityTypeBuilder<T> b)
    {
        b.ToTable("entries", schema);
        b.HasKey(e => e.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<T>().WithMany().HasForeignKey(e => e.AmendsId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.PatientId, e.OccurredAt });
        // Issue #9, measured on the generated hospital: the dashboard and the activity report read a unit's signed
        // consultations over weeks; without this they walk every entry of the unit (millions at scale).
        b.HasIndex(e => new { e.UnitId, e.OccurredAt }, "signed_consultations")
            .HasDatabaseName("ix_entries_signed_consultations").HasFilter("kind = 'Consultation' AND status = 'Signed'")
            .IncludeProperties(e => e.ConsultationType); // the dashboard counts by type from the index alone
        // A patient's signed consultations without his other entries (a heavy chart has thousands of medication
        // rounds): the chart's problems and treatments, and « arrivals not seen » (last entry visit of each patient).
        b.HasIndex(e => new { e.PatientId, e.OccurredAt }, "patient_consultations")
            .HasDatabaseName("ix_entries_patient_consultations").HasFilter("kind = 'Consultation' AND status = 'Signed'")
            .IncludeProperties(e => e.ConsultationType); // « arrivals not seen » finds entry visits in the index alone
        // Kept for the foreign key and the unit's other reads, which the filtered index above does not serve.
        b.HasIndex(e => e.UnitId);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ConsultationType).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Consent).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.MedicationOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.GuardGround).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.AuthorName).HasMaxLength(200);
        b.Property(e => e.SignedByName).HasMaxLength(200);
        b.Property(e => e.Version).IsRowVersion();
        b.OwnsOne(e => e.Vitals, v => v.ToJson("vitals"));
        b.OwnsMany(e => e.Diagnoses, d => d.ToJson("diagnoses"));
        b.OwnsMany(e => e.Prescriptions, p => p.ToJson("prescriptions"));
        b.Ignore(e => e.Team);
        b.Ignore(e => e.IsSigned);
    }
}

internal sealed class SomaticEntryConfiguration() : ClinicalEntryConfiguration<SomaticEntry>("somatic");

internal sealed class PsychiatricEntryConfiguration() : ClinicalEntryConfiguration<PsychiatricEntry>("psychiatric");

internal sealed class MedicalRecordConfiguration : IEntityTypeConfiguration<MedicalRecord>
{
    public void Configure(EntityTypeBuilder<MedicalRecord> b)
    {
        b.ToTable("medical_records");
        b.HasKey(r => new { r.PatientId, r.Team });
        b.Property(r => r.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.PaperRecordLocation).HasMaxLength(300);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HungerStrikeConfiguration : IEntityTypeConfiguration<HungerStrike>
{
    public void Configure(EntityTypeBuilder<HungerStrike> b)
    {
        b.ToTable("hunger_strikes", "somatic");
        b.HasKey(h => h.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(h => h.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => new { h.UnitId, h.EndedOn });
        b.Property(h => h.StartedByName).HasMaxLength(200);
        b.Property(h => h.EndReason).HasMaxLength(500);
        b.Ignore(h => h.InProgress);
        b.HasMany(h => h.Events).WithOne().HasForeignKey(e => e.HungerStrikeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HungerStrikeEventConfiguration : IEntityTypeConfiguration<HungerStrikeEvent>
{
    public void Configure(EntityTypeBuilder<HungerStrikeEvent> b)
    {
        b.ToTable("hunger_strike_events", "somatic");
        b.HasKey(e => e.Id);
        // Appended through HungerStrike.Events with their id already set: always inserted.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Act).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Basis).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Detail).HasMaxLength(1000);
        b.Property(e => e.ByName).HasMaxLength(200);
        b.HasIndex(e => e.HungerStrikeId);
        b.Ignore(e => e.IsRefusal);
        b.Ignore(e => e.Outcome);
    }
}
