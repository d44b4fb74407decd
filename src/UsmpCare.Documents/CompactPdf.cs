using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace UsmpCare.Documents;

/// <summary>
/// The second half of rendering: PDFsharp saves the document uncompressed, this pass shrinks the embedded font
/// subsets (<see cref="TrueTypeSubset"/>) and deflates every stream as zlib (RFC 1950, with its Adler-32 trailer). PDFsharp's own
/// deflate omits that trailer, which `qpdf --check` reports on every stream; a certificate must stay small (a
/// million of them at full scale) and clean for whoever checks it from outside.
/// </summary>
internal static class CompactPdf
{
    public static byte[] Compact(MemoryStream uncompressed)
    {
        uncompressed.Position = 0;
        using var document = PdfReader.Open(uncompressed, PdfDocumentOpenMode.Modify);
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        // PDFsharp writes a new XMP stream on every save (uncompressed, as PDF/A wants metadata) after it has dropped
        // the unreachable objects: unhooked here, the first pass's copy is dropped instead of staying in the file.
        document.Internals.Catalog.Elements.Remove("/Metadata");
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            if (dictionary.Stream is not { } stream || dictionary.Elements.ContainsKey("/Filter"))
            {
                continue;
            }
            var bytes = stream.Value;
            if (dictionary.Elements.ContainsKey("/Length1"))
            {
                bytes = TrueTypeSubset.Shrink(bytes);
                dictionary.Elements.SetInteger("/Length1", bytes.Length);
            }
            stream.Value = Deflate(bytes);
            dictionary.Elements.SetName("/Filter", "/FlateDecode");
            dictionary.Elements.SetInteger("/Length", stream.Value.Length);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }
}
