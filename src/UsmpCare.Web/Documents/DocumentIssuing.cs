using System.Security.Claims;
using Npgsql;
using UsmpCare.Documents;
using UsmpCare.Domain;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Disclosures;

namespace UsmpCare.Web.Documents;

/// <summary>Who issues, and from which unit: the letterhead, and the signature's name and RPPS (P22).</summary>
public sealed record Issuer(ClaimsPrincipal User, Actor Actor, Signer Signer, Unit Unit, DateOnly Today)
{
    public Letterhead Letterhead => new(Unit.Name, Unit.ReferenceHospital, Unit.Address, Unit.Phone);

    public IReadOnlyList<string> Signature => [Signer.Name, Signer.Rpps is null ? "" : $"RPPS {Signer.Rpps}", Unit.Name];
}

/// <summary>
/// One line of the disclosure ledger (P02). <paramref name="What"/> receives the letter's reference: its number when
/// it is registered, else the id of the record that keeps it. The constructor of <see cref="Disclosure"/> refuses a
/// line with neither a consent entry nor a legal exception; for a professional outside the care team the consent is
/// the patient's current word, read at issue (<see cref="Disclosure.Basis"/>).
/// </summary>
public sealed record LedgerLine(RecipientCategory Recipient, string RecipientName, Func<string, string> What,
    string LegalBasis, Guid? ConsentEntryId, LegalException? Exception)
{
    /// <summary>The line of a registered document: its template's recipient and legal basis, its title and number.</summary>
    public static LedgerLine Of(DocumentTemplate template, string recipientName, LegalException? exception) =>
        new(template.Recipient, recipientName, number => $"{template.Title} n° {number}", template.LegalBasis, null, exception);
}

/// <summary>A document of the register (P22): numbered, kept in <c>documents.issued_documents</c>, served by its stored bytes.</summary>
public sealed record Registration(DocumentTemplate Template, Guid? ReplacesId = null, Guid? SourceEntryId = null,
    bool RequestedByPatient = false, Guid? AdministrationRequestId = null);

/// <summary>What a page gathered to issue a letter; the page builds the <see cref="Letter"/>, the use case does the rest.</summary>
public sealed record DocumentRequest(Issuer By, Patient Patient, Letter Letter, IReadOnlyList<LedgerLine> Ledger)
{
    /// <summary>Numbered in the register; null for a letter kept by its own record (transfer pack, signalement, refusal).</summary>
    public Registration? Register { get; init; }

    /// <summary>P21: a cover sheet rendered with the letter, for a pack in transit.</summary>
    public Letter? Cover { get; init; }

    /// <summary>What the builder found missing (French, for the user).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>P25: the free texts to check against the patient's diagnoses and treatments before they leave.</summary>
    public IReadOnlyList<string> OutgoingTexts { get; init; } = [];

    /// <summary>
    /// Keeps the issued letter with what it belongs to, in the same SaveChanges: adds the record that holds an
    /// unregistered letter and returns its id (the ledger's reference), or answers a request, marks a plan's step.
    /// A <see cref="DomainException"/> thrown here issues nothing.
    /// </summary>
    public Func<IssuedLetter, Guid?>? Keep { get; init; }
}

/// <summary>The preview shown before issuing: the letter's HTML, with the blocked words marked, and what stops the issue.</summary>
public sealed record DocumentPreview(string Html, IReadOnlyList<string> Problems, IReadOnlyList<string> Blocked);

/// <summary>An issued letter: the PDF rendered once (and its cover), and the registered document if any.</summary>
public sealed record IssuedLetter(byte[] Pdf, byte[]? Cover, IssuedDocument? Document, DateTimeOffset At);

/// <summary>
/// The one way a document leaves the care team: certificates, attestations, packs, letters. Pages only gather input
/// and build the <see cref="Letter"/>; <see cref="PreviewAsync"/> shows exactly that letter, and
/// <see cref="IssueAsync"/> checks it again, numbers it, renders its PDF once, stores it with its ledger lines in one
/// SaveChanges.
/// </summary>
public sealed class DocumentIssuing(AppDbContext db, OutgoingText outgoing, TimeProvider clock)
{
    /// <summary>The issuing user, his RPPS and the patient's unit, for the letterhead and the signature.</summary>
    public async Task<Issuer> IssuerAsync(ClaimsPrincipal user, Patient patient)
    {
        var actor = Actor.Of(user);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == patient.UnitId);
        var rpps = await db.Users.AsNoTracking().Where(u => u.Id == actor.Id).Select(u => u.Rpps).SingleAsync();
        return new Issuer(user, actor, new Signer(actor.Name, rpps), unit, Fr.Today(clock));
    }

    public async Task<DocumentPreview> PreviewAsync(DocumentRequest request)
    {
        var problems = request.Problems.ToList();
        IReadOnlyList<string> blocked = [];
        if (request.OutgoingTexts.Count > 0)
        {
            // P25, P30: checked against the records the author may read, so a refusal never reveals the other one.
            var (refusal, words) = await outgoing.CheckAsync(request.By.User, request.Patient, [.. request.OutgoingTexts]);
            if (refusal is not null)
            {
                problems.Add(refusal);
                blocked = words;
            }
        }
        return new DocumentPreview(HtmlPreview.Render(request.Letter, blocked), problems, blocked);
    }

    /// <exception cref="DomainException">Something stops the issue; nothing is stored, numbered or written to the ledger.</exception>
    public async Task<IssuedLetter> IssueAsync(DocumentRequest request)
    {
        // Checked again here, not only at preview: a posted form may skip the preview.
        if ((await PreviewAsync(request)).Problems is { Count: > 0 } problems)
        {
            throw new DomainException(problems);
        }
        if (request.Ledger.Count == 0)
        {
            throw new InvalidOperationException("P02: nothing leaves the care team without a line in the disclosure ledger.");
        }
        var (by, patient) = (request.By, request.Patient);
        // P02: the patient's word as it stands now, not as the page read it: a withdrawal recorded meanwhile stops the issue.
        var consents = new ConsentState(await db.ConsentEntries.AsNoTracking().Where(e => e.PatientId == patient.Id).ToListAsync());
        var bases = request.Ledger.Select(l => Disclosure.Basis(consents, l.Recipient, l.ConsentEntryId, l.Exception)).ToList();
        var now = clock.GetUtcNow();
        var pdf = PdfRenderer.Render(request.Letter);
        var cover = request.Cover is null ? null : PdfRenderer.Render(request.Cover);
        var issued = new IssuedLetter(pdf, cover, null, now);
        List<Disclosure> ledger;
        if (request.Register is { } register)
        {
            var template = register.Template;
            var number = $"{by.Unit.Code}-{Fr.Local(now).Year}-{await NextNumberAsync():D6}";
            ledger = Lines(request, bases, number, now);
            var document = new IssuedDocument(number, patient.Id, patient.UnitId, template.Kind, template.Title,
                template.Recipient, template.RecipientLine, HtmlPreview.PlainText(request.Letter), pdf, by.Actor.Id,
                by.Actor.Name, by.Signer.Rpps, now, register.ReplacesId, register.SourceEntryId, register.RequestedByPatient,
                register.AdministrationRequestId, ledger[0].Id);
            issued = issued with { Document = document };
            request.Keep?.Invoke(issued);
            db.IssuedDocuments.Add(document);
        }
        else
        {
            ledger = Lines(request, bases, request.Keep?.Invoke(issued)?.ToString() ?? "", now);
        }
        db.Disclosures.AddRange(ledger);
        await db.SaveChangesAsync();
        return issued;
    }

    private static List<Disclosure> Lines(DocumentRequest request, List<(Guid? Consent, LegalException? Exception)> bases,
        string reference, DateTimeOffset at) =>
    [
        .. request.Ledger.Zip(bases, (l, b) => new Disclosure(request.Patient.Id, request.Patient.UnitId, l.Recipient,
            l.RecipientName, l.What(reference), l.LegalBasis, b.Consent, b.Exception, request.By.Actor.Id,
            request.By.Actor.Name, at)),
    ];

    /// <summary>One PostgreSQL sequence numbers every document: unique under concurrent issue, gaps possible.</summary>
    private async Task<long> NextNumberAsync()
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }
        await using var command = new NpgsqlCommand("SELECT nextval('documents.document_number_seq')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
