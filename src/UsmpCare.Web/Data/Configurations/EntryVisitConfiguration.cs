using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Data.Configurations;

/// <summary>Issue #21 (4): the structured entry visit, in the somatic schema beside its signed entry (P30), append-only (P17).</summary>
internal sealed class EntryVisitConfiguration : IEntityTypeConfiguration<EntryVisit>
{
    public void Configure(EntityTypeBuilder<EntryVisit> b)
    {
        b.ToTable("entry_visits", "somatic");
        b.HasKey(v => v.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SomaticEntry>().WithOne().HasForeignKey<EntryVisit>(v => v.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InformationSheet>().WithMany().HasForeignKey(v => v.InformationSheetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.UnitId, v.SignedAt });
        // One entry visit per stay, even when two physicians sign at the same moment.
        b.HasIndex(v => new { v.PatientId, v.ArrivalDate }).IsUnique();
        b.Property(v => v.SignedByName).HasMaxLength(200);
        b.OwnsOne(v => v.Answers, a => a.ToJson("answers"));
    }
}
