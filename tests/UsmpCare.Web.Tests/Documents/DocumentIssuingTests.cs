using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UsmpCare.Documents;
using UsmpCare.Domain;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Data;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Disclosures;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Documents;

/// <summary>
/// The one use case that issues documents (P22, P25, P02), driven directly over the real database: the preview is
/// what the PDF says, a blocked text leaves nothing behind, numbers follow each other under the unit's code and year.
/// </summary>
public sealed class DocumentIssuingTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private static readonly DocumentTemplate Sheet = Catalogue.Of(DocumentKind.RecommendationSheet);

    [Fact]
    public async Task The_preview_shows_word_for_word_what_the_stored_pdf_and_text_say()
    {
        var patient = await app.NewPatientAsync("Aperçu");
        await using var scope = app.Scope();
        var (issuing, by) = await IssuingAsync(scope, patient, TimeProvider.System);
        // Long enough for several pages, with rows, headings, a page break and French punctuation.
        var body = new List<LetterBlock> { LetterBlock.Heading("Mesures : « à lire »"), LetterBlock.Row("Cellule", "rez-de-chaussée ; lit bas") };
        body.AddRange(Enumerable.Range(1, 40).Select(i =>
            LetterBlock.Paragraph($"Préconisation {i} : accès facilité aux sanitaires, douches supplémentaires et promenade adaptée ?")));
        body.Add(LetterBlock.PageBreak());
        body.Add(LetterBlock.Paragraph("Dernière page du document."));
        var request = Request(by, patient, Letter(by, patient, body));

        var preview = await issuing.PreviewAsync(request);
        var issued = await issuing.IssueAsync(request);

        preview.Problems.Should().BeEmpty();
        var shown = Split(HtmlText(preview.Html));
        var printed = Split(PdfText(issued.Document!.Pdf));
        using (var pdf = PdfDocument.Open(issued.Document.Pdf))
        {
            pdf.NumberOfPages.Should().BeGreaterThan(2, "the letter runs over pages, each with its own footer");
        }
        InOrder(shown, printed).Should().BeNull("every word of the preview is printed, in the same order");
        // The register's plain text writes a row as « label : value », where the preview has two cells.
        InOrder([.. Split(issued.Document.Text).Where(w => w != ":")], shown).Should().BeNull("the register's text is what the preview showed");
        var stored = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));
        stored.Pdf.Should().Equal(issued.Document.Pdf, "the PDF is rendered once and stored as it was");
    }

    [Fact]
    public async Task A_blocked_text_is_marked_in_the_preview_and_its_issue_stores_numbers_and_ledgers_nothing()
    {
        var patient = await app.NewPatientAsync("Bloqué");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var consultation = Clinic.ConsultationForm(patient.Id);
        consultation["Input.Diagnoses[0]"] = "E11.9";
        await physician.PostConsultationAsync("Sign", consultation);
        await using var scope = app.Scope();
        var (issuing, by) = await IssuingAsync(scope, patient, TimeProvider.System);
        const string text = "Son diabète impose un accès aux repas à heures fixes.";
        var request = Request(by, patient, Letter(by, patient, [LetterBlock.Paragraph(text)])) with { OutgoingTexts = [text] };
        var sequence = await SequenceAsync();

        var preview = await issuing.PreviewAsync(request);
        var issue = () => issuing.IssueAsync(request);

        preview.Problems.Should().ContainSingle().Which.Should().Contain("ne peuvent pas quitter l'équipe de soins");
        HttpClientExtensions.Parse(preview.Html).QuerySelectorAll("mark").Select(m => m.TextContent).Should().Equal("diabète");
        (await issue.Should().ThrowAsync<DomainException>()).Which.Problems.Should().Equal(preview.Problems);
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
        (await SequenceAsync()).Should().Be(sequence, "no number is taken for a document that does not leave");
    }

    [Fact]
    public async Task Numbers_follow_each_other_under_the_units_code_and_the_year_in_Paris()
    {
        var patient = await app.NewPatientAsync("Numéro");
        await using var scope = app.Scope();
        // 23:30 UTC on 31 December is already New Year's Day in Paris: the document belongs to the new year.
        var (issuing, by) = await IssuingAsync(scope, patient, new ManualClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        var request = Request(by, patient, Letter(by, patient, [LetterBlock.Paragraph("Lit en position basse.")]));

        var first = (await issuing.IssueAsync(request)).Document!.Number;
        var second = (await issuing.IssueAsync(request)).Document!.Number;

        first.Should().MatchRegex(@"^MA-VIL-2027-\d{6}$");
        second.Should().Be($"MA-VIL-2027-{long.Parse(first[^6..]) + 1:D6}");
        var ledger = await app.WithDbAsync(db => db.Disclosures.Where(d => d.PatientId == patient.Id).Select(d => d.What).ToListAsync());
        ledger.Should().BeEquivalentTo([$"{Sheet.Title} n° {first}", $"{Sheet.Title} n° {second}"]);
    }

    [Fact]
    public async Task A_letter_kept_by_its_own_record_is_not_numbered_and_its_ledger_line_names_that_record()
    {
        var patient = await app.NewPatientAsync("Conservé");
        await using var scope = app.Scope();
        var (issuing, by) = await IssuingAsync(scope, patient, TimeProvider.System);
        var keeper = Guid.NewGuid();
        byte[]? kept = null;
        var sequence = await SequenceAsync();
        var request = new DocumentRequest(by, patient, Letter(by, patient, [LetterBlock.Paragraph("Pli confidentiel.")]),
            [new(RecipientCategory.OtherUnit, "Unité sanitaire de Fresnes", id => $"Pli (document {id})", "P21", null, LegalException.CareTeamSharing)])
        {
            Keep = letter =>
            {
                kept = letter.Pdf;
                return keeper;
            },
        };

        var issued = await issuing.IssueAsync(request);

        issued.Document.Should().BeNull();
        kept.Should().Equal(issued.Pdf);
        (await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id))).What.Should().Be($"Pli (document {keeper})");
        (await SequenceAsync()).Should().Be(sequence, "only the register's documents take a number");

        var unrecorded = () => issuing.IssueAsync(request with { Ledger = [] });
        await unrecorded.Should().ThrowAsync<InvalidOperationException>("P02: nothing leaves unrecorded");
        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id))).Should().Be(1);
    }

    /// <summary>The use case as the physician's request would get it, on a clock the test chooses.</summary>
    private static async Task<(DocumentIssuing Issuing, Issuer By)> IssuingAsync(AsyncServiceScope scope, Patient patient,
        TimeProvider clock)
    {
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<User>>();
        var account = await users.FindByEmailAsync(DemoData.Account(Role.Physician).Email);
        var user = await services.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(account!);
        var issuing = new DocumentIssuing(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<OutgoingText>(), clock);
        return (issuing, await issuing.IssuerAsync(user, patient));
    }

    private static DocumentRequest Request(Issuer by, Patient patient, Letter letter) =>
        new(by, patient, letter, [LedgerLine.Of(Sheet, Sheet.RecipientLine, LegalException.RequiredCertificate)])
        {
            Register = new Registration(Sheet),
        };

    private static Letter Letter(Issuer by, Patient patient, IReadOnlyList<LetterBlock> body) =>
        new(by.Letterhead, Sheet.Title, [Sheet.RecipientLine], "Le 1er janvier 2027", $"{patient.FullName}, écrou {patient.Ecrou}",
            body, by.Signature, Confidentiality: null);

    private async Task<(long, bool)> SequenceAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var reader = await new Npgsql.NpgsqlCommand(
            "SELECT last_value, is_called FROM documents.document_number_seq", connection).ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetBoolean(1));
    }

    /// <summary>The first word of <paramref name="words"/> missing, in order, from <paramref name="within"/>; null when none.</summary>
    private static string? InOrder(IReadOnlyList<string> words, IReadOnlyList<string> within)
    {
        var at = 0;
        foreach (var word in words)
        {
            while (at < within.Count && within[at] != word)
            {
                at++;
            }
            if (at++ >= within.Count)
            {
                return word;
            }
        }
        return null;
    }

    private static string HtmlText(string html) => string.Join(" ",
        HttpClientExtensions.Parse(html).Body!.Descendants<IText>().Select(t => t.Data));

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>Words split on every space, the no-break ones of French typography included.</summary>
    private static List<string> Split(string text) => [.. Regex.Split(text, @"[\s\u00A0\u202F]+").Where(w => w.Length > 0)];

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
