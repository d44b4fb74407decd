using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Data.Configurations;

/// <summary>The drug referential (BDPM), reference data in its own schema: one row per CIS code.</summary>
internal sealed class DrugConfiguration : IEntityTypeConfiguration<Drug>
{
    public void Configure(EntityTypeBuilder<Drug> b)
    {
        b.ToTable("drugs", "treatments");
        b.HasKey(d => d.Cis);
        b.Property(d => d.Cis).HasMaxLength(8);
        b.Property(d => d.Name).HasMaxLength(500);
        b.Property(d => d.Form).HasMaxLength(300);
        b.Property(d => d.Routes).HasMaxLength(300);
        b.Property(d => d.AuthorizationStatus).HasMaxLength(100);
        b.Property(d => d.MarketingStatus).HasMaxLength(100);
        b.OwnsMany(d => d.Substances, s => s.ToJson("substances"));
        b.OwnsMany(d => d.Presentations, p => p.ToJson("presentations"));
        b.HasIndex(d => d.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Ignore(d => d.IsDemo);
        b.Ignore(d => d.Label);
        b.Ignore(d => d.ActiveSubstances);
    }
}

/// <summary>
/// Prescriptions (issue #20), lines inside the row as JSON: a signed row is frozen by <c>core.protect_clinical_entry</c>
/// (P17, as signed clinical entries), so a change is a new version citing the one it replaces.
/// </summary>
internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> b)
    {
        b.ToTable("prescriptions", "treatments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Team).HasConversion<string>().HasMaxLength(20);
        // The trigger reads « status = 'Draft' »: stored as text, like the entries' status.
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Change).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.PrescriberName).HasMaxLength(200);
        b.Property(p => p.PrescriberRpps).HasMaxLength(11);
        b.Property(p => p.StopReason).HasMaxLength(1000);
        b.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Prescription>().WithMany().HasForeignKey(p => p.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PatientId, p.Status });
        // One signed successor per version: two prescribers modifying the same one at once cannot both sign.
        b.HasIndex(p => p.ReplacesId).IsUnique().HasFilter("status = 'Signed'");
        b.OwnsMany(p => p.Lines, l => l.ToJson("lines"));
        b.Ignore(p => p.IsSigned);
        b.Ignore(p => p.Secured);
    }
}

/// <summary>The pharmacy's validations (issue #20): append-only, the latest word on a prescription counts.</summary>
internal sealed class PrescriptionValidationConfiguration : IEntityTypeConfiguration<PrescriptionValidation>
{
    public void Configure(EntityTypeBuilder<PrescriptionValidation> b)
    {
        b.ToTable("prescription_validations", "treatments");
        b.HasKey(v => v.Id);
        // « answer », not « verdict »: no column of the database may read as a judicial word (PatientSchemaTests).
        b.Property(v => v.Verdict).HasConversion<string>().HasMaxLength(20).HasColumnName("answer");
        b.Property(v => v.Remark).HasMaxLength(PrescriptionValidation.RemarkMaxLength);
        b.Property(v => v.PharmacistName).HasMaxLength(200);
        b.HasOne<Prescription>().WithMany().HasForeignKey(v => v.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.PrescriptionId, v.At });
        b.HasIndex(v => new { v.UnitId, v.At });
    }
}

/// <summary>A unit's default distribution mode per drug class, one row per unit.</summary>
internal sealed class DistributionDefaultsConfiguration : IEntityTypeConfiguration<DistributionDefaults>
{
    public void Configure(EntityTypeBuilder<DistributionDefaults> b)
    {
        b.ToTable("distribution_defaults", "treatments");
        b.HasKey(d => d.UnitId);
        b.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(d => d.Modes, m => m.ToJson("modes"));
    }
}

/// <summary>The round's administration record: append-only (<c>core.append_only</c>, <see cref="DatabaseRoles.AppendOnly"/>).</summary>
internal sealed class AdministrationConfiguration : IEntityTypeConfiguration<Administration>
{
    public void Configure(EntityTypeBuilder<Administration> b)
    {
        b.ToTable("administrations", "treatments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Slot).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.DrugName).HasMaxLength(500);
        b.Property(a => a.DoseUnit).HasMaxLength(30);
        b.Property(a => a.NurseName).HasMaxLength(200);
        b.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Prescription>().WithMany().HasForeignKey(a => a.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        // One record per dose: two nurses cannot both record the same dose of the same round.
        b.HasIndex(a => new { a.PrescriptionId, a.LineIndex, a.Day, a.Slot }).IsUnique();
        b.HasIndex(a => new { a.UnitId, a.Day, a.Slot });
        b.HasIndex(a => new { a.PrescriberId, a.Day });
        b.Ignore(a => a.Missed);
    }
}

/// <summary>Weekly pill-boxes: the second check updates the row once; never deleted (<c>core.forbid_delete</c>).</summary>
internal sealed class PillBoxConfiguration : IEntityTypeConfiguration<PillBox>
{
    public void Configure(EntityTypeBuilder<PillBox> b)
    {
        b.ToTable("pill_boxes", "treatments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Contents).HasMaxLength(4000);
        b.Property(p => p.PreparedByName).HasMaxLength(200);
        b.Property(p => p.CheckedByName).HasMaxLength(200);
        b.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PatientId, p.WeekOf }).IsUnique();
        b.HasIndex(p => new { p.UnitId, p.WeekOf });
        b.Ignore(p => p.IsChecked);
    }
}

internal sealed class TsoConfirmationConfiguration : IEntityTypeConfiguration<TsoConfirmation>
{
    public void Configure(EntityTypeBuilder<TsoConfirmation> b)
    {
        b.ToTable("tso_confirmations", "treatments");
        b.HasKey(c => c.Id);
        b.Property(c => c.Start).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ConfirmedWith).HasMaxLength(300);
        b.Property(c => c.RecordedByName).HasMaxLength(200);
        b.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.PatientId);
    }
}

internal sealed class TsoRelayConfiguration : IEntityTypeConfiguration<TsoRelay>
{
    public void Configure(EntityTypeBuilder<TsoRelay> b)
    {
        b.ToTable("tso_relays", "treatments");
        b.HasKey(r => r.Id);
        b.Property(r => r.RelayKind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Naloxone).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.LastDose).HasMaxLength(600);
        b.Property(r => r.RelayName).HasMaxLength(300);
        b.Property(r => r.RelayContact).HasMaxLength(300);
        b.Property(r => r.RecordedByName).HasMaxLength(200);
        b.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.PatientId);
    }
}
