using Microsoft.AspNetCore.Identity;

namespace UsmpCare.Web.Accounts;

/// <summary>A staff account to create, as typed in a form.</summary>
public sealed class NewAccount
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public Role Role { get; set; } = Role.Physician;
    public Team? Team { get; set; }
    public string? Rpps { get; set; }
    public List<Guid> UnitIds { get; set; } = [];
    public string Password { get; set; } = "";
}

/// <summary>Creates accounts for the administrator and for the coordinator's own unit (P37), with the same rules.</summary>
public static class AccountCreation
{
    public static IReadOnlyList<string> Problems(NewAccount input)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Email) || string.IsNullOrWhiteSpace(input.Password))
        {
            problems.Add("L'adresse électronique et le mot de passe initial sont obligatoires.");
        }
        if (string.IsNullOrWhiteSpace(input.FirstName) || string.IsNullOrWhiteSpace(input.LastName))
        {
            problems.Add("Le prénom et le nom sont obligatoires.");
        }
        if (input.Role.IsClinical() && input.Team is null)
        {
            problems.Add("Un soignant doit appartenir à une équipe (somatique ou psychiatrie).");
        }
        if (input.Role.IsPhysician() && (input.Rpps is null || input.Rpps.Trim().Length != 11 || !input.Rpps.Trim().All(char.IsAsciiDigit)))
        {
            problems.Add("Un médecin doit avoir un numéro RPPS de 11 chiffres (il est imprimé sur ses certificats).");
        }
        if (input.Role != Role.Administrator && input.UnitIds.Count == 0)
        {
            problems.Add("Choisissez au moins une unité.");
        }
        return problems;
    }

    /// <summary>The French problems that stopped the creation; empty when the account exists with its role.</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(UserManager<User> users, NewAccount input)
    {
        var problems = Problems(input);
        if (problems.Count > 0)
        {
            return problems;
        }
        var user = new User
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            FirstName = input.FirstName.Trim(),
            LastName = input.LastName.Trim(),
            Team = input.Role.IsClinical() ? input.Team : null,
            Rpps = input.Role.IsPhysician() ? input.Rpps?.Trim() : null,
            Memberships = [.. input.UnitIds.Distinct().Select(id => new UnitMembership { UnitId = id })],
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(IdentityMessages.French)];
        }
        var inRole = await users.AddToRoleAsync(user, input.Role.ToString());
        if (!inRole.Succeeded)
        {
            // The account exists without a role: it can sign in to nothing until an administrator fixes it.
            user.IsActive = false;
            await users.UpdateAsync(user);
            return ["Le compte a été créé mais le rôle n'a pas pu lui être donné ; il est désactivé. Lancez la commande « migrate » pour créer les rôles."];
        }
        return [];
    }
}
