using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using UsmpCare.Web.Accounts;

namespace UsmpCare.Web.Data;

/// <summary>Identity's tables live in their own <c>auth</c> schema with snake_case names.</summary>
internal static class IdentityTables
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<User>(b =>
        {
            b.ToTable("users", "auth");
            b.Property(u => u.FirstName).HasMaxLength(100);
            b.Property(u => u.LastName).HasMaxLength(100);
            b.Property(u => u.Rpps).HasMaxLength(11);
            b.Property(u => u.Team).HasConversion<string>().HasMaxLength(20);
            b.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles", "auth");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles", "auth");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims", "auth");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins", "auth");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims", "auth");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens", "auth");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys", "auth");
    }
}
