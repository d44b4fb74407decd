using UsmpCare.Web.Auditing;
using UsmpCare.Web.Interop;

namespace UsmpCare.Web.Pages.Interop;

/// <summary>
/// Import of the prison's movements file into the current unit's roster (issue #11): all or nothing per file, offence
/// and judicial columns dropped (P29), each refused line reported with its number.
/// </summary>
[RequirePermission(Permission.ImportMovements)]
public sealed class MovementsModel(AppDbContext db, AuditTrail trail, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    /// <summary>
    /// A 100,000-line file with every column is about 10 MB. Kestrel's 30 MB request cap stays the outer bound: a
    /// per-page [RequestFormLimits] cannot apply, antiforgery has read the form before it.
    /// </summary>
    public const long MaxFileBytes = 25 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    public MovementImportReport? Report { get; private set; }
    public string UnitName { get; private set; } = "";

    public async Task OnGetAsync() => UnitName = (await currentUnit.GetAsync())?.Name ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var unit = await currentUnit.GetAsync();
        UnitName = unit?.Name ?? "";
        if (unit is null)
        {
            ModelState.AddModelError("", "Vous n'appartenez à aucune unité : aucun mouvement ne peut être importé.");
            return Page();
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez le fichier des mouvements (CSV) à importer.");
            return Page();
        }
        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Ce fichier dépasse 25 Mo : découpez-le, ou importez-le en ligne de commande (docs/interop.md).");
            return Page();
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, cancel);
        var actor = Actor.Of(User);
        Report = await MovementImport.RunAsync(db, trail, unit.Id, Path.GetFileName(Upload.FileName), buffer.ToArray(),
            AuditEvent.By(User, AuditAction.Write, "", 200), actor.Name, clock.GetUtcNow(), cancel);
        return Page();
    }
}
