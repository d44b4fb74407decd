using System.Reflection;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Certificates;

public sealed class IssuedDocumentTests
{
    private static IssuedDocument Issue(string number, Guid? replaces) =>
        new(number, Guid.NewGuid(), Guid.NewGuid(), DocumentKind.FollowUpAttestation, "Attestation de suivi", RecipientCategory.Jap,
            "Juge de l'application des peines", "Suivi régulier depuis le 01/09/2026.", [0x25, 0x50, 0x44, 0x46], Author, "Dr Test",
            "10001234567", Monday, replaces, Guid.NewGuid(), false, null, Guid.NewGuid());

    [Fact]
    public void A_correction_is_a_new_document_that_names_the_one_it_replaces()
    {
        // P22: the first document stays as issued; the correction cites it.
        var first = Issue("MA-VIL-2026-000041", null);
        var correction = Issue("MA-VIL-2026-000042", first.Id);

        correction.Id.Should().NotBe(first.Id);
        correction.ReplacesId.Should().Be(first.Id);
        first.ReplacesId.Should().BeNull();
        first.Number.Should().Be("MA-VIL-2026-000041");
        first.AuthorRpps.Should().Be("10001234567");
    }

    [Theory]
    [InlineData(typeof(IssuedDocument))]
    [InlineData(typeof(Requisition))]
    [InlineData(typeof(Disclosure))]
    [InlineData(typeof(SpipShare))]
    [InlineData(typeof(RiskSignalement))]
    [InlineData(typeof(AbuseSignalement))]
    [InlineData(typeof(ConsentEntry))]
    [InlineData(typeof(CareRequestEvent))]
    public void What_the_database_keeps_append_only_cannot_be_changed_in_code_either(Type type)
    {
        // P17, P22, P02: these rows refuse UPDATE in PostgreSQL; no public setter or method may change them in memory.
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name)
            .Should().BeEmpty();
        type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).Select(m => m.Name)
            .Should().BeEmpty();
    }

    [Fact]
    public void What_goes_to_the_ap_or_the_jap_carries_no_diagnosis_and_accessory_certificates_are_the_patients()
    {
        // P25 and P24.
        Catalogue.All.Where(t => t.NoDiagnosis).Select(t => t.Recipient).Distinct()
            .Should().BeEquivalentTo([RecipientCategory.PrisonAdministration, RecipientCategory.Jap]);
        Catalogue.All.Where(t => t.Accessory).Select(t => t.Kind).Should().BeEquivalentTo(
            [DocumentKind.PathologyCertificate, DocumentKind.DisabilityAccommodation, DocumentKind.MedicalNeed]);
        Catalogue.All.Where(t => t.StatesFindings).Should().OnlyContain(t => !t.NoDiagnosis);
        Catalogue.Of(DocumentKind.ReleasePack).Should().BeSameAs(Catalogue.ReleasePack);
        Enum.GetValues<DocumentKind>().Should().OnlyContain(k => Catalogue.Of(k).Kind == k);
    }
}
