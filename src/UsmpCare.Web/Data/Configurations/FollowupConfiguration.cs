using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Data.Configurations;

// Issue #21 (5, 6): the follow-up of a patient, schema followup. Each row names the team whose record it belongs to (P30).

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("problems", "followup");
        b.HasKey(p => p.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PatientId);
        b.Property(p => p.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Code).HasMaxLength(10);
        b.Property(p => p.Label).HasMaxLength(300);
        b.Property(p => p.RecordedByName).HasMaxLength(200);
        b.Property(p => p.ErroneousReason).HasMaxLength(500);
        b.Property(p => p.ErroneousByName).HasMaxLength(200);
    }
}

internal sealed class VaccinationConfiguration : IEntityTypeConfiguration<Vaccination>
{
    public void Configure(EntityTypeBuilder<Vaccination> b)
    {
        b.ToTable("vaccinations", "followup");
        b.HasKey(v => v.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => v.PatientId);
        b.Property(v => v.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Vaccine).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Site).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Lot).HasMaxLength(Vaccination.LotMaxLength);
        b.Property(v => v.GivenByName).HasMaxLength(200);
    }
}

internal sealed class TestOrderConfiguration : IEntityTypeConfiguration<TestOrder>
{
    public void Configure(EntityTypeBuilder<TestOrder> b)
    {
        b.ToTable("test_orders", "followup");
        b.HasKey(o => o.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.UnitId, o.OrderedOn });
        b.HasIndex(o => o.PatientId);
        b.Property(o => o.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Exam).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.OtherLabel).HasMaxLength(200);
        b.Property(o => o.OrderedByName).HasMaxLength(200);
        b.Ignore(o => o.Name);
        b.Ignore(o => o.IsSerology);
        b.HasOne(o => o.Result).WithOne().HasForeignKey<TestResult>(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TestResultConfiguration : IEntityTypeConfiguration<TestResult>
{
    public void Configure(EntityTypeBuilder<TestResult> b)
    {
        b.ToTable("test_results", "followup");
        b.HasKey(r => r.OrderId);
        b.Property(r => r.OrderId).ValueGeneratedNever();
        b.Property(r => r.Value).HasPrecision(12, 4);
        b.Property(r => r.Unit).HasMaxLength(30);
        b.Property(r => r.ReferenceRange).HasMaxLength(60);
        b.Property(r => r.Qualitative).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Text).HasMaxLength(2000);
        b.Property(r => r.EnteredByName).HasMaxLength(200);
        b.HasOne(r => r.Acknowledgement).WithOne().HasForeignKey<ResultAcknowledgement>(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResultAcknowledgementConfiguration : IEntityTypeConfiguration<ResultAcknowledgement>
{
    public void Configure(EntityTypeBuilder<ResultAcknowledgement> b)
    {
        b.ToTable("result_acknowledgements", "followup");
        b.HasKey(a => a.OrderId);
        b.Property(a => a.OrderId).ValueGeneratedNever();
        b.Property(a => a.ByName).HasMaxLength(200);
    }
}

internal sealed class RecallConfiguration : IEntityTypeConfiguration<Recall>
{
    public void Configure(EntityTypeBuilder<Recall> b)
    {
        b.ToTable("recalls", "followup");
        b.HasKey(r => r.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UnitId, r.State, r.DueOn });
        b.HasIndex(r => r.PatientId);
        b.Property(r => r.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Vaccine).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Detail).HasMaxLength(500);
        b.Property(r => r.CancelReason).HasMaxLength(500);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
    }
}
