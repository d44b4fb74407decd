using Microsoft.AspNetCore.Identity;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Accounts;

namespace UsmpCare.Web.Data;

/// <summary>One demo account: its role, team and units (by code).</summary>
public sealed record DemoAccount(string Email, Role Role, Team? Team, string FirstName, string LastName,
    string? Rpps, params string[] UnitCodes);

/// <summary>The demo deployment: two units and one account per role, for Development only (see DemoGuard).</summary>
public static partial class DemoData
{
    public const string Password = "UsmpCare-demo-2026";

    /// <summary>
    /// The authenticator key of every demo account of a role that requires MFA, published in the README so that the
    /// demo can be tried with any authenticator app (or with the code page's demo hint). Safe only because demo
    /// accounts never exist outside Development (DemoGuard).
    /// </summary>
    public const string TotpKey = "USMPCAREDEMOTOTPKEYFORDEVONLY234";
    public const string UnitA = "MA-VIL";
    public const string UnitB = "CD-STA";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("medecin@demo.usmp.fr", Role.Physician, Team.Somatic, "Claire", "Martin", "10003456789", UnitA, UnitB),
        new("psychiatre@demo.usmp.fr", Role.Psychiatrist, Team.Psychiatric, "Karim", "Benali", "10004567891", UnitA),
        new("infirmier.soma@demo.usmp.fr", Role.Nurse, Team.Somatic, "Julie", "Lefèvre", null, UnitA),
        new("infirmier.psy@demo.usmp.fr", Role.Nurse, Team.Psychiatric, "Thomas", "Roux", null, UnitA),
        new("coordonnateur@demo.usmp.fr", Role.Coordinator, Team.Somatic, "Anne", "Dubois", "10001234567", UnitA, UnitB),
        new("secretariat@demo.usmp.fr", Role.Secretary, null, "Sophie", "Girard", null, UnitA),
        new("ap@demo.usmp.fr", Role.PrisonAdministration, null, "Marc", "Lambert", null, UnitA),
        new("spip@demo.usmp.fr", Role.Spip, null, "Nadia", "Haddad", null, UnitA),
        new("admin@demo.usmp.fr", Role.Administrator, null, "Paul", "Mercier", null),
        new("dentiste@demo.usmp.fr", Role.Dentist, Team.Somatic, "Léa", "Moreau", null, UnitA),
        new("psychologue@demo.usmp.fr", Role.Psychologist, Team.Psychiatric, "Yanis", "Cherif", null, UnitA),
        new("medecin.sta@demo.usmp.fr", Role.Physician, Team.Somatic, "Hugo", "Fontaine", "10005678912", UnitB),
        new("pharmacien@demo.usmp.fr", Role.Pharmacist, null, "Inès", "Garnier", "10006789123", UnitA),
    ];

    public static DemoAccount Account(Role role) => Accounts.First(a => a.Role == role);

    public static DemoAccount Nurse(Team team) => Accounts.First(a => a.Role == Role.Nurse && a.Team == team);

    /// <summary>Seeds only an empty database (no unit yet), so a second run keeps the user's data.</summary>
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Units.AnyAsync())
        {
            return false;
        }
        await Infrastructure.Bootstrap.EnsureRolesAsync(services);

        var units = new[]
        {
            new Unit(UnitA, "USMP de la maison d'arrêt de Villeneuve", EstablishmentType.MA,
                "Centre hospitalier de Villeneuve", "01 23 45 67 89", "12 rue des Tilleuls, 94190 Villeneuve"),
            new Unit(UnitB, "USMP du centre de détention de Saint-Aubin", EstablishmentType.CD,
                "Centre hospitalier de Villeneuve", "01 98 76 54 32", "Route de Saint-Aubin, 77120 Saint-Aubin"),
        };
        db.Units.AddRange(units);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<User>>();
        foreach (var account in Accounts)
        {
            var user = new User
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FirstName = account.FirstName,
                LastName = account.LastName,
                Rpps = account.Rpps,
                Team = account.Team,
                IsDemo = true,
                Memberships = [.. account.UnitCodes.Select(code => new UnitMembership
                {
                    UnitId = units.Single(u => u.Code == code).Id,
                })],
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, account.Role.ToString()));
            if (account.Role.RequiresMfa())
            {
                // Pre-enrolled: the forced enrolment is shown by accounts created in the app, not by the demo ones.
                var keys = (IUserAuthenticatorKeyStore<User>)services.GetRequiredService<IUserStore<User>>();
                await keys.SetAuthenticatorKeyAsync(user, TotpKey, CancellationToken.None);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
        }
        // The demo drug referential (issue #20), in the ANSM's format, its codes in the reserved 99xxxxxx range.
        await Treatments.DrugReferential.ImportAsync(db, Treatments.BdpmFiles.Demo());
        await SeedClinicalAsync(db, units, services.GetRequiredService<TimeProvider>().GetUtcNow());
        return true;
    }

    private static void Check(IdentityResult result) => Infrastructure.Bootstrap.Check(result);
}
