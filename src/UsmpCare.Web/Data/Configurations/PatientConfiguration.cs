using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    /// <summary>Kept in step with core.immutable_unaccent, created by the migration that adds the column.</summary>
    public const string SearchTextSql =
        "lower(core.immutable_unaccent(ecrou || ' ' || last_name || ' ' || coalesce(birth_name, '') || ' ' || first_name))";

    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.ToTable("patients");
        b.HasKey(p => p.Id);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.UnitId, p.Ecrou }).IsUnique();
        // Écrou prefix search (Patients/PatientSearch): byte order whatever the database's collation, so a prefix
        // is an index range even under a parameterised (generic) plan.
        b.HasIndex(p => new { p.UnitId, p.Ecrou }, "ecrou_prefix").HasDatabaseName("ix_patients_unit_id_ecrou_prefix")
            .UseCollation(null!, Patients.PatientSearch.EcrouCollation);
        b.Property(p => p.Ecrou).HasMaxLength(20);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.BirthName).HasMaxLength(100);
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.Sex).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Ins).HasMaxLength(15);
        b.Property(p => p.InsStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Cell).HasMaxLength(30);
        b.Property(p => p.Wing).HasMaxLength(60);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.LegalStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.VulnerabilityReason).HasMaxLength(500);
        b.Property(p => p.CourtOrderedCare).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.DesignatedPhysician).HasMaxLength(300);
        b.Property(p => p.SpokenLanguage).HasMaxLength(60);
        b.Property(p => p.SearchText).HasComputedColumnSql(SearchTextSql, stored: true);
        b.HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(p => new { p.UnitId, p.Status, p.LastName });
        b.Property(p => p.Version).IsRowVersion();
        b.Ignore(p => p.FullName);
        // Issue #20: the allergy record lives in the patient's row (one jsonb), read with every patient as the banner
        // shows it; entries are withdrawn, never removed (AllergyRecord). Property names fixed for the data migration.
        b.OwnsOne(p => p.Allergies, record =>
        {
            record.ToJson("allergy_record");
            record.Ignore(r => r.Active);
            record.Ignore(r => r.State);
            record.Property(r => r.NoneKnownStatedBy).HasJsonPropertyName("none_known_stated_by");
            record.Property(r => r.NoneKnownStatedAt).HasJsonPropertyName("none_known_stated_at");
            record.OwnsMany(r => r.Entries, entry =>
            {
                entry.HasJsonPropertyName("entries");
                entry.Property(e => e.Number).HasJsonPropertyName("number");
                entry.Property(e => e.Kind).HasConversion<string>().HasJsonPropertyName("kind");
                entry.Property(e => e.Substance).HasJsonPropertyName("substance");
                entry.Property(e => e.SubstanceCode).HasJsonPropertyName("substance_code");
                entry.Property(e => e.Reaction).HasJsonPropertyName("reaction");
                entry.Property(e => e.Severity).HasConversion<string>().HasJsonPropertyName("severity");
                entry.Property(e => e.RecordedBy).HasJsonPropertyName("recorded_by");
                entry.Property(e => e.RecordedAt).HasJsonPropertyName("recorded_at");
                entry.Property(e => e.WithdrawalReason).HasConversion<string>().HasJsonPropertyName("withdrawal_reason");
                entry.Property(e => e.WithdrawnBy).HasJsonPropertyName("withdrawn_by");
                entry.Property(e => e.WithdrawnAt).HasJsonPropertyName("withdrawn_at");
                entry.Ignore(e => e.IsActive);
            });
        });
        b.Navigation(p => p.Allergies).IsRequired();
    }
}

internal sealed class PrisonMovementConfiguration : IEntityTypeConfiguration<PrisonMovement>
{
    public void Configure(EntityTypeBuilder<PrisonMovement> b)
    {
        b.ToTable("prison_movements");
        b.HasKey(m => m.Id);
        b.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Ecrou).HasMaxLength(20);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Establishment).HasMaxLength(200);
        b.Property(m => m.ImportedByName).HasMaxLength(200);
        // The idempotence of the import: one movement of a kind per écrou and day, whatever is re-imported.
        b.HasIndex(m => new { m.UnitId, m.Ecrou, m.Kind, m.Date }).IsUnique();
        b.HasIndex(m => m.PatientId);
    }
}
