namespace RillaGen.Cli.Media;

/// <summary>The media files a conversation has.</summary>
[Flags]
internal enum MediaKinds
{
    None = 0,
    Audio = 1,
    Transcript = 2,
}
