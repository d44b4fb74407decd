namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// Explicit operations run instead of the web server (<c>dotnet UsmpCare.Web.dll &lt;command&gt;</c>): migrations are
/// applied by <c>migrate</c>, never silently at start-up (CONVENTIONS §5). Exit codes: 0 done, 1 failed (the message
/// says why, in French), 2 wrong usage (the help follows). Arguments starting with « -- » other than <c>--help</c> are
/// the web host's own (<c>--urls</c>, <c>--environment</c>): they start the server.
/// </summary>
public static class Commands
{
    public const int Ok = 0, Failure = 1, Usage = 2;

    private static readonly (string Name, string Synopsis, string Does)[] Catalogue =
    [
        ("migrate", "migrate", "applique les migrations en propriétaire (ConnectionStrings:Owner), donne ses droits au rôle de l'application (ConnectionStrings:Default) et crée les rôles manquants"),
        ("seed-demo", "seed-demo", "remplit une base vide avec les unités, comptes et patients de démonstration (Development seulement)"),
        ("create-admin", "create-admin ADRESSE PRÉNOM NOM", "crée le premier administrateur ; mot de passe dans la variable USMP_ADMIN_PASSWORD"),
        ("verify-audit", "verify-audit [--anchors FICHIER]", "vérifie toute la chaîne du journal d'audit, et les ancres du fichier ; code 1 si une ligne a été modifiée, supprimée ou insérée, ou si les dernières lignes ont disparu"),
        ("anchor-audit", "anchor-audit FICHIER", "ajoute au fichier l'ancre de fin de chaîne (date;numéro;sceau) ; à garder là où les administrateurs de la base ne peuvent pas écrire"),
        ("rotate-audit-key", "rotate-audit-key [--by NOM]",
            "change la clé du journal d'audit : l'ancienne dans Audit__Key, la nouvelle dans USMP_NEW_AUDIT_KEY (jamais sur la ligne de commande) ; toutes les instances arrêtées d'abord"),
        ("import-movements", "import-movements FICHIER --unit CODE [--by NOM]",
            "importe les mouvements (arrivées, libérations, transferts) du fichier de l'administration pénitentiaire ; tout ou rien ; colonnes judiciaires ignorées (P29) ; code 1 si une ligne est refusée"),
        ("import-drugs", "import-drugs DOSSIER",
            "importe ou met à jour le référentiel des médicaments depuis les fichiers de la base publique de l'ANSM (CIS_bdpm.txt, CIS_COMPO_bdpm.txt, CIS_CIP_bdpm.txt) ; tout ou rien ; code 1 si une ligne est refusée"),
        ("import-cim10", "import-cim10 FICHIER",
            "importe le fichier des libellés CIM-10 FR de l'ATIH (LIBCIM10MULTI.TXT : code|type MCO|profil SMR|type PSY|libellé court|libellé long, Latin-1) ; tout ou rien, idempotent ; code 1 et la ligne fautive si le fichier est mal formé"),
        ("export-fhir", "export-fhir ÉCROU --unit CODE --out FICHIER.json [--by NOM]",
            "exporte le résumé de soins FHIR R4 du patient pour « Mon espace santé » : seulement avec son accord enregistré (P20), consigné au registre des transmissions et au journal d'audit"),
    ];

    public static string Help() =>
        "UsmpCare — commandes d'exploitation\n\n" +
        "Usage : dotnet UsmpCare.Web.dll COMMANDE [ARGUMENTS]   (sans commande : démarre l'application web)\n\n" +
        string.Join("\n", Catalogue.Select(c => $"  {c.Synopsis}\n      {c.Does}")) +
        "\n\nCodes de sortie : 0 réussite, 1 échec (le message dit pourquoi), 2 usage incorrect.\n" +
        "Détails : docs/interop.md et docs/operations.md.";

    /// <summary>Whether <paramref name="args"/> name a command; otherwise they are the web server's.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h");

    /// <summary>Runs the command named by <paramref name="args"/>; null when the arguments are the web server's.</summary>
    public static async Task<int?> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (!IsCommand(args))
        {
            return null;
        }
        if (args[0] is "--help" or "-h" or "help" || args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            var one = Catalogue.FirstOrDefault(c => c.Name == args[0]);
            await output.WriteLineAsync(one.Name is null ? Help() : $"Usage : {one.Synopsis}\n  {one.Does}");
            return Ok;
        }
        try
        {
            return await RunCommandAsync(services, args, output, error);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"{e.Message}\n\n{Help()}");
            return Usage;
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"Échec : la base de données est injoignable ou a refusé l'opération ({(e.InnerException ?? e).Message}). Vérifiez ConnectionStrings__Default.");
            return Failure;
        }
        catch (Exception e) when (e is InvalidOperationException or Domain.DomainException or IOException
                                      or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Échec : {e.Message}");
            return Failure;
        }
    }

    private static async Task<int> RunCommandAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        switch (args[0])
        {
            case "migrate":
                // As the owner (ConnectionStrings:Owner), then the grants of the app's own role (docs/decisions/0014).
                var configuration = provider.GetRequiredService<IConfiguration>();
                var appRole = DatabaseRoles.AppRole(configuration);
                await DatabaseRoles.MigrateAsync(DatabaseRoles.OwnerConnectionString(configuration), appRole);
                if (appRole is null)
                {
                    await error.WriteLineAsync("Attention : un seul rôle (ConnectionStrings:Owner absent ou identique) ; l'application "
                        + "se connectera en propriétaire des tables, ce qu'elle refuse hors Development (docs/operations.md).");
                }
                // The roles are reference data of the permission matrix: every database has all of them.
                await Bootstrap.EnsureRolesAsync(provider);
                await output.WriteLineAsync("Migrations appliquées.");
                return Ok;
            case "create-admin":
                if (args.Length < 4)
                {
                    throw new UsageException("create-admin attend ADRESSE PRÉNOM NOM.");
                }
                await output.WriteLineAsync(await Bootstrap.CreateAdministratorAsync(provider, args));
                return Ok;
            case "seed-demo":
                if (!provider.GetRequiredService<IHostEnvironment>().IsDevelopment())
                {
                    throw new InvalidOperationException("Les données de démonstration ne sont créées qu'en Development.");
                }
                var seeded = await DemoData.SeedIfEmptyAsync(provider);
                await output.WriteLineAsync(seeded ? "Données de démonstration créées." : "Base déjà remplie : rien à créer.");
                return Ok;
            case "verify-audit":
                // verify-audit [--anchors FILE]: the chain, and the tails copied out earlier by anchor-audit.
                var verify = Options.Parse(args, 1, "--anchors");
                IReadOnlyList<string> unreadable = [];
                var anchorFile = verify.Named.GetValueOrDefault("--anchors");
                var anchors = anchorFile is null ? [] : Auditing.AuditAnchor.ParseAll(await File.ReadAllLinesAsync(anchorFile), out unreadable);
                var problems = unreadable.Concat(await provider.GetRequiredService<Auditing.AuditChain>().VerifyAsync(anchors: anchors)).ToList();
                await (problems.Count == 0 ? output : error).WriteLineAsync(problems.Count == 0
                    ? $"Journal d'audit intègre{(anchorFile is null ? "" : $" ({anchors.Count} ancre(s) vérifiée(s))")}."
                    : string.Join(Environment.NewLine, problems));
                return problems.Count == 0 ? Ok : Failure;
            case "anchor-audit":
                // anchor-audit FILE: appends the chain's tail; run it from cron, FILE on storage the DBAs cannot rewrite.
                var target = Options.Parse(args, 1).Single("le fichier des ancres");
                var tail = await provider.GetRequiredService<Auditing.AuditChain>().TailAsync();
                if (tail is not null)
                {
                    await File.AppendAllTextAsync(target, tail + Environment.NewLine);
                }
                await output.WriteLineAsync(tail is null ? "Journal vide : rien à ancrer." : $"Ancre ajoutée : ligne {tail.Id}.");
                return Ok;
            case "rotate-audit-key":
                return await RotateAuditKeyAsync(provider, Options.Parse(args, 1, "--by"), output, error);
            case "import-movements":
                return await InteropCommands.ImportMovementsAsync(provider, Options.Parse(args, 1, "--unit", "--by"), output, error);
            case "import-drugs":
                var folder = Options.Parse(args, 1).Single("le dossier des fichiers de la base publique des médicaments");
                var report = await Treatments.DrugReferential.ImportAsync(provider.GetRequiredService<AppDbContext>(),
                    await Treatments.BdpmFiles.FromFolderAsync(folder));
                await output.WriteLineAsync(report.Describe());
                return Ok;
            case "import-cim10":
                // All or nothing (Cim10File reads the whole file before a row is written); the codes are reference data.
                var cim10 = Options.Parse(args, 1).Single("le fichier CIM-10 de l'ATIH");
                if (!File.Exists(cim10))
                {
                    throw new IOException($"Fichier introuvable : {cim10}");
                }
                await using (var file = File.OpenRead(cim10))
                {
                    var imported = await provider.GetRequiredService<Clinical.Cim10Catalogue>()
                        .ImportAsync(file, provider.GetRequiredService<TimeProvider>().GetUtcNow());
                    await output.WriteLineAsync(imported.ToString());
                }
                return Ok;
            case "export-fhir":
                return await InteropCommands.ExportFhirAsync(provider, Options.Parse(args, 1, "--unit", "--out", "--by"), output);
            default:
                throw new UsageException($"Commande inconnue : « {args[0]} ».");
        }
    }

    /// <summary>
    /// rotate-audit-key: the old key is the one in force (Audit__Key, checked against the chain's head), the new one comes
    /// from USMP_NEW_AUDIT_KEY; a rotation row sealed with the old key names both fingerprints, later rows use the new key.
    /// </summary>
    private static async Task<int> RotateAuditKeyAsync(IServiceProvider provider, Options options, TextWriter output, TextWriter error)
    {
        if (options.Positional.Count > 0)
        {
            throw new UsageException("rotate-audit-key lit les clés dans l'environnement, jamais sur la ligne de commande.");
        }
        var key = provider.GetRequiredService<Auditing.AuditKey>();
        if (await provider.GetRequiredService<Auditing.AuditChain>().KeyRefusalAsync() is { } refusal)
        {
            await error.WriteLineAsync($"Échec : {refusal}");
            return Failure;
        }
        var next = Auditing.AuditKey.Required(Environment.GetEnvironmentVariable("USMP_NEW_AUDIT_KEY"), development: false, "USMP_NEW_AUDIT_KEY");
        var (from, to) = (key.Fingerprint, Auditing.AuditKey.FingerprintOf(next));
        if (from == to)
        {
            throw new InvalidOperationException("USMP_NEW_AUDIT_KEY est la clé déjà en vigueur : rien n'est changé.");
        }
        var row = await provider.GetRequiredService<Auditing.AuditTrail>().RotateKeyAsync(next, options.Operator);
        await output.WriteLineAsync($"Clé du journal d'audit changée à la ligne {row.Id} : empreinte {from} → {to}. " +
                                    "Redémarrez chaque instance avec Audit__Key = la nouvelle clé, et donnez l'ancienne à verify-audit " +
                                    "dans Audit__PreviousKeys__0 (docs/operations.md).");
        return Ok;
    }
}

/// <summary>A command line that does not say what the command needs: exit code 2, with the help.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Positional arguments and « --name value » options of one command.</summary>
public sealed record Options(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Named)
{
    public static Options Parse(string[] args, int from, params string[] known)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>();
        for (var i = from; i < args.Length; i++)
        {
            if (args[i].StartsWith("--"))
            {
                if (!known.Contains(args[i]))
                {
                    throw new UsageException($"Option inconnue pour {args[0]} : « {args[i]} ».");
                }
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"L'option {args[i]} attend une valeur.");
                }
                named[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        return new Options(positional, named);
    }

    public string Required(string name, string what) =>
        Named.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new UsageException($"Indiquez {what} ({name}).");

    public string Single(string what) =>
        Positional.Count == 1 ? Positional[0] : throw new UsageException($"Indiquez {what}, et lui seul.");

    /// <summary>The name written in the ledger and the audit trail for an operator's action.</summary>
    public string Operator => Named.TryGetValue("--by", out var by) && !string.IsNullOrWhiteSpace(by)
        ? by.Trim()
        : $"Opérateur en ligne de commande ({Environment.UserName})";
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
