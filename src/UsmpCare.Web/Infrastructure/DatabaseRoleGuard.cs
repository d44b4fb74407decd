namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// The running app connects as a role that owns nothing and is not a superuser (docs/decisions/0014): otherwise its
/// own connection could disable the triggers that keep signed entries, issued documents, the ledger and the audit
/// trail unchanged (P16, P17, P22). Outside Development it refuses to start; in Development it warns.
/// </summary>
public static class DatabaseRoleGuard
{
    public static async Task RefuseOverPrivilegedConnectionAsync(this WebApplication app)
    {
        var problems = await DatabaseRoles.ExcessPrivilegesAsync(Database.ConnectionString(app.Configuration));
        if (problems.Count == 0)
        {
            return;
        }
        var message = "La connexion de l'application à la base a trop de droits : " + string.Join(" ; ", problems)
            + ". Connectez l'application avec un rôle sans propriété (ConnectionStrings:Default) et migrez avec le "
            + "propriétaire (ConnectionStrings:Owner) : voir docs/operations.md, « Rôles de la base ».";
        if (!app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(message);
        }
        app.Logger.LogWarning("{Message} Toléré en Development seulement.", message);
    }
}
