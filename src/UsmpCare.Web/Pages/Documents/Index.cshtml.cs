using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Pages.Documents;

/// <summary>The register of issued documents of the unit (or of one patient): number, date, kind, recipient, author.</summary>
[RequirePermission(Permission.ViewDocumentRegister)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit) : PageModel
{
    public sealed record Row(Guid Id, string Number, DateTimeOffset IssuedAt, string Title, string Patient, string Ecrou,
        string Recipient, string Author, bool Replaces);

    [BindProperty(SupportsGet = true)] public Guid? PatientId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanOpen => User.Can(Permission.IssueDocument) || User.Can(Permission.ViewPatientChart);

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var query = db.IssuedDocuments.AsNoTracking().Where(d => d.UnitId == unitId);
        if (PatientId is { } patientId)
        {
            query = query.Where(d => d.PatientId == patientId);
        }
        var skip = (Paged<int>.Clamp(PageNumber) - 1) * Paged<IssuedDocument>.Size;
        var rows = await query.OrderByDescending(d => d.IssuedAt).Skip(skip).Take(Paged<IssuedDocument>.Size + 1)
            .Join(db.Patients, d => d.PatientId, p => p.Id, (d, p) => new
            {
                d.Id, d.Number, d.IssuedAt, d.Title, p.LastName, p.FirstName, p.Ecrou, d.Recipient, d.RecipientName,
                d.AuthorName, d.ReplacesId,
            })
            .ToListAsync();
        Pager = Pager.For(new Paged<int>([], Paged<int>.Clamp(PageNumber), rows.Count > Paged<IssuedDocument>.Size), Request);
        Rows = [.. rows.Take(Paged<IssuedDocument>.Size).Select(r => new Row(r.Id, r.Number, r.IssuedAt, r.Title, Patient.FullNameOf(r.LastName, r.FirstName),
            r.Ecrou, UsmpCare.Domain.Disclosures.Disclosure.Label(r.Recipient), r.AuthorName, r.ReplacesId is not null))];
    }
}
