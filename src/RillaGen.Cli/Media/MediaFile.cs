namespace RillaGen.Cli.Media;

/// <summary>A media file on disk and what the media table records about it.</summary>
internal sealed record MediaFile(string ConversationId, MediaKinds Kind, string Path, string Sha256, long Bytes, bool Reused)
{
    public string KindName => Kind == MediaKinds.Audio ? "audio" : "transcript";
}
