using UsmpCare.Domain.Certificates;

namespace UsmpCare.Domain.Tests.Certificates;

/// <summary>P22–P27: what stops a template from being issued, whatever the form posts.</summary>
public sealed class CatalogueTests
{
    private static readonly DateOnly June1 = new(2026, 6, 1);

    [Theory]
    [InlineData(DocumentKind.InjuryCertificate)]
    [InlineData(DocumentKind.PathologyCertificate)]
    public void A_certificate_that_states_findings_is_refused_without_them(DocumentKind kind)
    {
        var template = Catalogue.Of(kind);

        template.Problems(null, true, [], null).Should().ContainSingle().Which.Should().Contain("constatations");
        template.Problems("  ", true, [], null).Should().ContainSingle().Which.Should().Contain("constatations");
        template.Problems("Plaie de l'arcade de 2 cm.", true, [], null).Should().BeEmpty();
    }

    [Fact]
    public void An_attestation_states_no_findings_and_needs_none()
    {
        Catalogue.Of(DocumentKind.FollowUpAttestation).Problems(null, false, [], null).Should().BeEmpty();
        Catalogue.Of(DocumentKind.WorkStoppage).Problems(null, false, [], null).Should().BeEmpty();
    }

    [Fact]
    public void An_accessory_certificate_needs_the_patients_request()
    {
        var template = Catalogue.Of(DocumentKind.MedicalNeed);

        template.Problems(null, false, ["Douches supplémentaires"], null).Should().ContainSingle().Which.Should().Contain("à sa demande");
        template.Problems(null, true, ["Douches supplémentaires"], null).Should().BeEmpty();
    }

    [Fact]
    public void A_fiche_de_preconisations_holds_only_measures_from_the_list()
    {
        var sheet = Catalogue.Of(DocumentKind.RecommendationSheet);

        sheet.Problems(null, false, ["Lit en position basse", "Cellule individuelle"], null).Should().BeEmpty();
        sheet.Problems(null, false, ["Lit en position basse", "Traitement à heure fixe"], null).Should().ContainSingle()
            .Which.Should().Contain("« Traitement à heure fixe » n'est pas une mesure de la liste");
        sheet.Problems(null, false, ["Lit en position basse"], "Cellule proche de l'infirmerie").Should().ContainSingle()
            .Which.Should().Contain("retirez le texte libre");
        sheet.Problems(null, false, [], null).Should().Equal("Choisissez au moins une mesure.");
    }

    [Fact]
    public void An_accommodation_may_describe_what_the_list_lacks_but_never_invent_a_measure()
    {
        var accommodation = Catalogue.Of(DocumentKind.DisabilityAccommodation);

        accommodation.Problems(null, true, [], "Barres d'appui dans la douche").Should().BeEmpty();
        accommodation.Problems(null, true, [], null).Should().ContainSingle().Which.Should().Contain("décrivez");
        accommodation.Problems(null, true, ["Barres d'appui"], null).Should().ContainSingle().Which.Should().Contain("n'est pas une mesure");
        Catalogue.Of(DocumentKind.RegimeAttestation).Problems(null, false, ["Barres d'appui"], null).Should().BeEmpty(
            "an attestation has no measures to check");
    }

    [Fact]
    public void The_templates_that_list_measures_are_the_accommodations_and_the_fiche()
    {
        Catalogue.All.Where(t => t.ListsMeasures).Select(t => t.Kind).Should().BeEquivalentTo(
            [DocumentKind.DisabilityAccommodation, DocumentKind.MedicalNeed, DocumentKind.RecommendationSheet]);
        Catalogue.All.Where(t => t.NoDiagnosis).Select(t => t.Kind).Should().BeEquivalentTo(
        [
            DocumentKind.WorkStoppage, DocumentKind.RegimeAttestation, DocumentKind.FollowUpAttestation,
            DocumentKind.DisabilityAccommodation, DocumentKind.MedicalNeed, DocumentKind.RecommendationSheet,
        ], "everything addressed to the AP or the JAP carries no diagnosis (P25)");
    }

    [Fact]
    public void A_work_stoppage_carries_the_fields_of_the_avis_d_arret_de_travail()
    {
        WorkStoppageNotice.Fields.Should().Equal(
            "Assuré(e)", "Situation", "Employeur", "Nature", "Arrêt", "Arrêt initial du", "Du", "Au (inclus)", "Sorties");
        var initial = new WorkStoppageNotice(WorkStoppageType.SickLeave, false, null, June1, June1.AddDays(6), false, "Atelier");
        initial.Problems().Should().BeEmpty();
        initial.Kind.Should().Be("Initial");
        initial.Exits.Should().Be("Non autorisées");
        (initial with { ExitsAllowed = true }).Exits.Should().Be("Autorisées");
        (initial with { Extension = true, InitialFrom = June1.AddDays(-10) }).Kind.Should().Be("Prolongation");
    }

    [Fact]
    public void A_work_stoppage_needs_its_period_its_employer_and_for_a_prolongation_the_initial_arret()
    {
        var notice = new WorkStoppageNotice(WorkStoppageType.WorkAccident, false, null, June1, June1, false, "Service général");
        notice.Problems().Should().BeEmpty("a one-day arrêt ends the day it starts");

        (notice with { To = June1.AddDays(-1) }).Problems().Should().ContainSingle().Which.Should().Contain("période");
        (notice with { From = null }).Problems().Should().ContainSingle().Which.Should().Contain("période");
        (notice with { To = null }).Problems().Should().ContainSingle().Which.Should().Contain("période");
        (notice with { Employer = " " }).Problems().Should().ContainSingle().Which.Should().Contain("employeur");

        var extension = notice with { Extension = true };
        extension.Problems().Should().ContainSingle().Which.Should().Contain("arrêt initial");
        (extension with { InitialFrom = June1.AddDays(1) }).Problems().Should().ContainSingle().Which.Should().Contain("arrêt initial");
        (extension with { InitialFrom = June1 }).Problems().Should().BeEmpty();
        (extension with { InitialFrom = June1.AddDays(-20) }).Problems().Should().BeEmpty();
        (notice with { InitialFrom = June1.AddDays(1) }).Problems().Should().BeEmpty("an initial arrêt names no earlier one");
    }
}
