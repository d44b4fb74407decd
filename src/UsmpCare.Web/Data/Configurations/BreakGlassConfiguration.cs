using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> b)
    {
        b.ToTable("break_glass_grants", "audit");
        b.HasKey(g => g.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(g => g.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(g => g.UserName).HasMaxLength(200);
        b.Property(g => g.Reason).HasMaxLength(500);
        b.HasIndex(g => new { g.UserId, g.PatientId, g.ExpiresAt });
        b.HasIndex(g => new { g.PatientUnitId, g.GrantedAt });
    }
}
