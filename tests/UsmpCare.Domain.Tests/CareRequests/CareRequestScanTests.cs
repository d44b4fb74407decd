using UsmpCare.Domain.CareRequests;

namespace UsmpCare.Domain.Tests.CareRequests;

public sealed class CareRequestScanTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2];
    private static readonly byte[] Pdf = "%PDF-1.7 billet"u8.ToArray();

    private static string Stored(string clientName, byte[] content) =>
        new CareRequestScan(Guid.NewGuid(), clientName, content, Guid.NewGuid(), DateTimeOffset.UnixEpoch).FileName;

    [Theory]
    [InlineData(@"C:\Users\infirmier\Documents\billet 12.jpg", "billet 12.jpg")]
    [InlineData(@"..\..\etc\billet.jpg", "billet.jpg")]
    [InlineData("/home/scan/billet.jpeg", "billet.jpg")]
    [InlineData("billet.png", "billet.jpg")]
    [InlineData("billet.exe", "billet.jpg")]
    [InlineData("bil\u0007let\u202Egpj.exe", "billetgpj.jpg")]
    [InlineData(@"C:\scans\", "billet.jpg")]
    [InlineData("", "billet.jpg")]
    public void The_stored_name_is_the_clients_base_name_with_the_extension_of_the_sniffed_type(string clientName, string stored) =>
        Stored(clientName, Jpeg).Should().Be(stored);

    [Fact]
    public void The_extension_follows_the_content_whatever_the_name_says()
    {
        Stored("billet.jpg", Png).Should().Be("billet.png");
        Stored(@"D:\courrier\billet.png", Pdf).Should().Be("billet.pdf");
    }

    [Fact]
    public void An_overlong_name_is_shortened_to_fit_its_column_and_keeps_its_extension()
    {
        var name = Stored(new string('a', 500) + ".pdf", Pdf);

        name.Should().HaveLength(200).And.EndWith("a.pdf");
    }

    [Fact]
    public void An_empty_file_is_refused_and_five_megabytes_exactly_are_accepted()
    {
        var empty = () => Stored("billet.pdf", []);
        empty.Should().Throw<DomainException>().WithMessage("*vide*");

        var atLimit = new byte[CareRequestScan.MaxBytes];
        Pdf.CopyTo(atLimit, 0);
        Stored("billet.pdf", atLimit).Should().Be("billet.pdf");
        var over = new byte[CareRequestScan.MaxBytes + 1];
        Pdf.CopyTo(over, 0);
        var tooBig = () => Stored("billet.pdf", over);
        tooBig.Should().Throw<DomainException>().WithMessage("*5 Mo*");
    }

    [Fact]
    public void A_name_that_starts_with_a_dot_keeps_its_stem()
    {
        // « .billet » is a stem with no extension, not an empty stem.
        Stored(".billet", Pdf).Should().Be("billet.pdf");
    }
}
