using UsmpCare.Documents;
using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Web.Tests.Documents;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Objet: suivi", "Objet\u00A0: suivi")]
    [InlineData("Vraiment ?", "Vraiment\u202F?")]
    [InlineData("il a dit \"non\"", "il a dit «\u00A0non\u00A0»")]
    [InlineData("« oui »", "«\u00A0oui\u00A0»")]
    public void French_typography_puts_guillemets_and_non_breaking_spaces(string input, string expected)
    {
        FrenchTypography.Apply(input).Should().Be(expected);
    }

    [Fact]
    public void The_medical_text_check_finds_medical_words_the_patients_diagnoses_codes_and_treatments()
    {
        string[] labels = ["Épisode dépressif moyen"];
        string[] codes = ["F32.1"];
        string[] treatments = ["Sertraline 50 mg"];

        MedicalTextCheck.Find("Suivi en place, rendez-vous honorés.", labels, codes, treatments).Should().BeEmpty();
        MedicalTextCheck.Find("Il est sous traitement", labels, codes, treatments).Should().Contain("traitement");
        MedicalTextCheck.Find("Tendance dépressive", labels, codes, treatments).Should().NotBeEmpty();
        MedicalTextCheck.Find("code F32.1", labels, codes, treatments).Should().Contain("code F32.1");
        MedicalTextCheck.Find("prend de la SERTRALINE", labels, codes, treatments).Should().Contain(h => h.Contains("sertraline"));
        MedicalTextCheck.Words("Tendance dépressive marquée", labels, codes, treatments).Should().Contain("dépressive");
    }
}
