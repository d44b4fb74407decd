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
