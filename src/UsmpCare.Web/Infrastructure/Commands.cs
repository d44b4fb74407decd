using Microsoft.EntityFrameworkCore;
using UsmpCare.Web.Data;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// Explicit operations run instead of the web server: migrations are applied by <c>migrate</c>, never silently
/// at start-up (CONVENTIONS §5); <c>seed-demo</c> fills an empty database with the demo units and accounts.
/// </summary>
public static class Commands
{
    public static async Task<bool> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    await db.Database.MigrateAsync();
                    // The roles are reference data of the permission matrix: every database has all of them.
                    await Bootstrap.EnsureRolesAsync(scope.ServiceProvider);
                }
                Console.WriteLine("Migrations appliquées.");
                return true;
            case "create-admin":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    Console.WriteLine(await Bootstrap.CreateAdministratorAsync(scope.ServiceProvider, args));
                }
                return true;
            case "seed-demo":
                if (!app.Environment.IsDevelopment())
                {
                    throw new InvalidOperationException("Les données de démonstration ne sont créées qu'en Development.");
                }
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var seeded = await DemoData.SeedIfEmptyAsync(scope.ServiceProvider);
                    Console.WriteLine(seeded ? "Données de démonstration créées." : "Base déjà remplie : rien à créer.");
                }
                return true;
            case "verify-audit":
                // verify-audit [--anchors FILE]: the chain, and the tails copied out earlier by anchor-audit.
                var anchorFile = args.SkipWhile(a => a != "--anchors").Skip(1).FirstOrDefault();
                IReadOnlyList<string> unreadable = [];
                var anchors = anchorFile is null ? [] : Auditing.AuditAnchor.ParseAll(await File.ReadAllLinesAsync(anchorFile), out unreadable);
                var problems = unreadable.Concat(await app.Services.GetRequiredService<Auditing.AuditTrail>()
                    .VerifyAsync(anchors: anchors)).ToList();
                Console.WriteLine(problems.Count == 0
                    ? $"Journal d'audit intègre{(anchorFile is null ? "" : $" ({anchors.Count} ancre(s) vérifiée(s))")}."
                    : string.Join(Environment.NewLine, problems));
                Environment.ExitCode = problems.Count == 0 ? 0 : 1;
                return true;
            case "anchor-audit":
                // anchor-audit FILE: appends the chain's tail; run it from cron, FILE on storage the DBAs cannot rewrite.
                var target = args.Length > 1 ? args[1] : throw new InvalidOperationException("Usage : anchor-audit FICHIER");
                var tail = await app.Services.GetRequiredService<Auditing.AuditTrail>().TailAsync();
                if (tail is not null)
                {
                    await File.AppendAllTextAsync(target, tail + Environment.NewLine);
                }
                Console.WriteLine(tail is null ? "Journal vide : rien à ancrer." : $"Ancre ajoutée : ligne {tail.Id}.");
                return true;
            default:
                return false;
        }
    }
}

/// <summary>Demo accounts have a known password: they must never exist in a real deployment.</summary>
public static class DemoGuard
{
    public static async Task RefuseDemoAccountsOutsideDevelopmentAsync(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Users.AnyAsync(u => u.IsDemo))
        {
            throw new InvalidOperationException(
                "Des comptes de démonstration existent : UsmpCare refuse de démarrer hors de l'environnement Development.");
        }
    }
}
