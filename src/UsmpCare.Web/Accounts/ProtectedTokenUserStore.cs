using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// The authenticator key and the recovery codes are secrets: whoever reads them signs in as the user (ASVS V2.9.1,
/// V6.4.1). Identity keeps both in auth.user_tokens under its own provider name; this store protects them with ASP.NET
/// Core Data Protection on the way in and unprotects them on the way out, so the table holds no secret in clear.
/// </summary>
public sealed class ProtectedTokenUserStore(AppDbContext context, IDataProtectionProvider protection,
    IdentityErrorDescriber? describer = null)
    : UserStore<User, IdentityRole<Guid>, AppDbContext, Guid>(context, describer)
{
    /// <summary>The login provider under which Identity's UserStoreBase keeps the authenticator key and recovery codes.</summary>
    public const string SecretsProvider = "[AspNetUserStore]";

    private readonly IDataProtector _protector = protection.CreateProtector("UsmpCare.Accounts.UserTokens");

    public override Task SetTokenAsync(User user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name,
            value is not null && loginProvider == SecretsProvider ? _protector.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(User user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is not null && loginProvider == SecretsProvider ? _protector.Unprotect(stored) : stored;
    }
}
