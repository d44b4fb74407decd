using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class ConsentEntryConfiguration : IEntityTypeConfiguration<ConsentEntry>
{
    public void Configure(EntityTypeBuilder<ConsentEntry> b)
    {
        b.ToTable("consent_entries", "consent");
        b.HasKey(e => e.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Topic).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.RecipientName).HasMaxLength(200);
        b.Property(e => e.Expression).HasMaxLength(500);
        b.Property(e => e.RecordedByName).HasMaxLength(200);
        b.Property(e => e.HolderName).HasMaxLength(200);
        b.Property(e => e.HolderQuality).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.AccompanyingAdult).HasMaxLength(200);
        b.HasIndex(e => new { e.PatientId, e.Topic, e.RecordedAt });
    }
}

internal sealed class InformationSheetConfiguration : IEntityTypeConfiguration<InformationSheet>
{
    public void Configure(EntityTypeBuilder<InformationSheet> b)
    {
        b.ToTable("information_sheets", "consent");
        b.HasKey(s => s.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IssuedDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Language).HasMaxLength(10);
        b.Property(s => s.HandedByName).HasMaxLength(200);
        b.HasIndex(s => new { s.PatientId, s.HandedOn });
        b.HasIndex(s => new { s.UnitId, s.At });
    }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        b.ToTable("disclosures", "consent");
        b.HasKey(d => d.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConsentEntry>().WithMany().HasForeignKey(d => d.ConsentEntryId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Recipient).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.RecipientName).HasMaxLength(200);
        b.Property(d => d.What).HasMaxLength(2000);
        b.Property(d => d.LegalBasis).HasMaxLength(300);
        b.Property(d => d.Exception).HasConversion<string>().HasMaxLength(300);
        b.Property(d => d.AuthorName).HasMaxLength(200);
        b.HasIndex(d => new { d.PatientId, d.At });
        b.HasIndex(d => new { d.UnitId, d.At });
    }
}

internal sealed class SpipShareConfiguration : IEntityTypeConfiguration<SpipShare>
{
    public void Configure(EntityTypeBuilder<SpipShare> b)
    {
        b.ToTable("spip_shares", "consent");
        b.HasKey(s => s.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Disclosure>().WithMany().HasForeignKey(s => s.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Message).HasMaxLength(1000);
        b.Property(s => s.AuthorName).HasMaxLength(200);
        b.HasIndex(s => new { s.UnitId, s.At });
    }
}

internal sealed class RiskSignalementConfiguration : IEntityTypeConfiguration<RiskSignalement>
{
    public void Configure(EntityTypeBuilder<RiskSignalement> b)
    {
        b.ToTable("risk_signalements", "consent");
        b.HasKey(s => s.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Disclosure>().WithMany().HasForeignKey(s => s.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Facts).HasMaxLength(2000);
        b.Property(s => s.AuthorName).HasMaxLength(200);
        b.HasIndex(s => new { s.UnitId, s.At });
    }
}

internal sealed class AbuseSignalementConfiguration : IEntityTypeConfiguration<AbuseSignalement>
{
    public void Configure(EntityTypeBuilder<AbuseSignalement> b)
    {
        b.ToTable("abuse_signalements", "consent");
        b.HasKey(s => s.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Ground).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.Findings).HasMaxLength(4000);
        b.Property(s => s.AuthorName).HasMaxLength(200);
        b.HasIndex(s => s.PatientId);
    }
}
