using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Accounts;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.HasKey(u => u.Id);
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Code).HasMaxLength(20);
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.EstablishmentType).HasConversion<string>().HasMaxLength(10);
        b.Property(u => u.ReferenceHospital).HasMaxLength(200);
        b.Property(u => u.Phone).HasMaxLength(30);
        b.Property(u => u.Address).HasMaxLength(300);
        b.Property(u => u.Hours).HasMaxLength(300);
        b.Property(u => u.InformationLanguages).HasColumnType("text[]");
        b.Property(u => u.EntryVisitTargetHours).HasDefaultValue(Unit.DefaultEntryVisitTargetHours);
    }
}

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> b)
    {
        b.ToTable("unit_memberships", "auth");
        b.HasKey(m => new { m.UserId, m.UnitId });
        b.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
