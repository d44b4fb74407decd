using System.Buffers.Binary;
using System.Text;

namespace UsmpCare.Documents;

/// <summary>
/// PDFsharp embeds a subset of each face (the outlines of the glyphs used) but keeps the horizontal metrics of all
/// 6,000 DejaVu glyphs, 9 KB per face once deflated: more than the text of a certificate. A PDF takes the widths of
/// a Type 0 font from its /W array (ISO 32000-1 § 9.7.4.3), so the metrics of the glyphs the subset has no outline
/// for are emptied here; zeros deflate to nothing and the table keeps its size, so no offset moves.
/// </summary>
internal static class TrueTypeSubset
{
    public static byte[] EmptyUnusedMetrics(byte[] source)
    {
        var font = (byte[])source.Clone();
        var tables = Tables(font);
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"].Offset + 4));
        var longMetrics = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["hhea"].Offset + 34));
        var shortLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(tables["head"].Offset + 50)) == 0;
        var loca = tables["loca"].Offset;
        long GlyphStart(int glyph) => shortLoca
            ? BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca + 2 * glyph)) * 2L
            : BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca + 4 * glyph));
        var hmtx = tables["hmtx"];
        // Glyph 0 (.notdef) stays whole: a font program must keep it.
        for (var glyph = 1; glyph < glyphCount; glyph++)
        {
            if (GlyphStart(glyph) != GlyphStart(glyph + 1))
            {
                continue;
            }
            var (at, length) = glyph < longMetrics ? (4 * glyph, 4) : (4 * longMetrics + 2 * (glyph - longMetrics), 2);
            font.AsSpan(hmtx.Offset + at, length).Clear();
        }
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(hmtx.Record + 4), Checksum(font.AsSpan(hmtx.Offset, hmtx.Length)));
        // The whole font sums to 0xB1B0AFBA once head.checkSumAdjustment is right (OpenType spec, « head »).
        var adjustment = font.AsSpan(tables["head"].Offset + 8, 4);
        adjustment.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(adjustment, unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static Dictionary<string, (int Record, int Offset, int Length)> Tables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, (int, int, int)>();
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            tables[Encoding.ASCII.GetString(font, record, 4)] = (record,
                (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)),
                (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12)));
        }
        return tables;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < data.Length; i += 4)
        {
            word.Clear();
            data.Slice(i, Math.Min(4, data.Length - i)).CopyTo(word);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(word));
        }
        return sum;
    }
}
