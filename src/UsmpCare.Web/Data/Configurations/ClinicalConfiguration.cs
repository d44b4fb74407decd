using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Clinical;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class ImportedCim10CodeConfiguration : IEntityTypeConfiguration<ImportedCim10Code>
{
    public void Configure(EntityTypeBuilder<ImportedCim10Code> b)
    {
        b.ToTable("cim10_codes");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(10);
        b.Property(c => c.Label).HasMaxLength(Cim10File.Cim10LabelMaxLength);
        b.Property(c => c.SearchText).HasMaxLength(2 * Cim10File.Cim10LabelMaxLength);
        b.HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
