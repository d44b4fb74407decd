using Microsoft.AspNetCore.Authorization;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Pages.Documents;

/// <summary>
/// One issued document: who, when, to whom, what it says, and its PDF — the stored bytes, identical at every download.
/// The care team reads every document of its unit; the AP reads only those addressed to it (P05).
/// </summary>
[Authorize(Policy = PermissionPolicies.SignedIn)]
public sealed class ViewModel(AppDbContext db, Auditing.AuditTrail audit) : PageModel
{
    public IssuedDocument Document { get; private set; } = null!;
    public IssuedDocument? Replaced { get; private set; }
    public IssuedDocument? ReplacedBy { get; private set; }
    public bool CanCorrect { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        return File(Document.Pdf, "application/pdf", $"{Document.Number}.pdf");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var document = await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);
        if (document is null)
        {
            return NotFound();
        }
        var inUnit = User.UnitIds().Contains(document.UnitId);
        var careTeam = User.Can(Permission.IssueDocument) || User.Can(Permission.ViewPatientChart);
        var addressedToAp = document.Recipient == RecipientCategory.PrisonAdministration && User.Can(Permission.ViewDocumentsForAp);
        if (!inUnit || !(careTeam || addressedToAp))
        {
            return Forbid();
        }
        if (careTeam && !addressedToAp && !await RecordScopes.CanReadWorkOfAsync(db, User, document.PatientId, document.AuthorId))
        {
            return Forbid();
        }
        Document = document;
        // P16: a document read or downloaded is audited like any page of the record.
        await audit.AppendAsync(Auditing.AuditEvent.By(User, Auditing.AuditAction.Read,
            Request.Path + (Request.Query.ContainsKey("handler") ? "?handler=Pdf" : ""), StatusCodes.Status200OK,
            document.PatientId, document.UnitId));
        Replaced = document.ReplacesId is { } old ? await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == old) : null;
        ReplacedBy = await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.ReplacesId == id);
        CanCorrect = User.Can(Permission.IssueDocument) && ReplacedBy is null;
        return null;
    }
}
