using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Accounts;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// What a real deployment needs before anyone can sign in: the roles, and a first administrator created from the
/// command line (<c>create-admin EMAIL "First" "Last"</c>, password in USMP_ADMIN_PASSWORD, never on the command
/// line where process listings would show it).
/// </summary>
public static class Bootstrap
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Enum.GetNames<Role>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }
        }
    }

    public static async Task<string> CreateAdministratorAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 4)
        {
            throw new InvalidOperationException("Usage : create-admin ADRESSE PRÉNOM NOM (mot de passe dans USMP_ADMIN_PASSWORD).");
        }
        var password = Environment.GetEnvironmentVariable("USMP_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException("Définissez USMP_ADMIN_PASSWORD (12 caractères au moins).");
        }
        await EnsureRolesAsync(services);
        var users = services.GetRequiredService<UserManager<User>>();
        if (await users.Users.AnyAsync(u => u.Email == args[1]))
        {
            return $"Le compte {args[1]} existe déjà : rien n'est changé.";
        }
        var user = new User
        {
            UserName = args[1], Email = args[1], EmailConfirmed = true, FirstName = args[2], LastName = args[3],
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, nameof(Role.Administrator)));
        return $"Administrateur {args[1]} créé.";
    }

    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
