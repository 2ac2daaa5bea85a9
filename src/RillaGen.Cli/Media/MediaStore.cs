using System.Globalization;
using System.Security.Cryptography;
using RillaGen.Cli.Mapping;
using RillaGen.Cli.Source;

namespace RillaGen.Cli.Media;

/// <summary>
/// Downloads media into content folders by conversation id (audio/&lt;id&gt;.&lt;ext&gt;, transcripts/&lt;id&gt;.json),
/// hashing while it streams. A file lands through a .part file and a rename, with a .sha256 sidecar
/// that lets --reuse-media verify it later.
/// </summary>
internal sealed class MediaStore(IRillaSource source, string mediaDirectory, bool reuse)
{
    private readonly string _directory = System.IO.Path.GetFullPath(mediaDirectory);

    private const int Attempts = 3;

    public string Directory => _directory;

    public async Task<MediaFile> GetAsync(ConversationsExport conversation, MediaKinds kind, CancellationToken cancellationToken)
    {
        var id = ConversationRows.IdOf(conversation);
        var path = PathOf(conversation, kind);
        if (reuse && await VerifyAsync(path, cancellationToken).ConfigureAwait(false) is { } verified)
        {
            return new MediaFile(id, kind, path, verified.Sha256, verified.Bytes, Reused: true);
        }

        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (sha256, bytes) = await DownloadAsync(conversation, kind, path, cancellationToken).ConfigureAwait(false);
                return new MediaFile(id, kind, path, sha256, bytes, Reused: false);
            }
            catch (Exception ex) when (attempt < Attempts && ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // A body cut off mid-stream: start the file again.
            }
        }
    }

    public string PathOf(ConversationsExport conversation, MediaKinds kind)
    {
        var id = ConversationRows.IdOf(conversation);
        return kind == MediaKinds.Audio
            ? System.IO.Path.Combine(_directory, "audio", id + ExtensionOf(conversation.AudioUrl, ".audio"))
            : System.IO.Path.Combine(_directory, "transcripts", id + ExtensionOf(conversation.TranscriptUrl, ".json"));
    }

    private async Task<(string Sha256, long Bytes)> DownloadAsync(ConversationsExport conversation, MediaKinds kind, string path, CancellationToken cancellationToken)
    {
        var part = path + ".part";
        string sha256;
        long bytes;
        await using (var file = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            using var hash = SHA256.Create();
            // A hash transform passes bytes through unchanged, so the file is hashed as it is written.
            await using (var hashing = new CryptoStream(file, hash, CryptoStreamMode.Write, leaveOpen: true))
            {
                if (kind == MediaKinds.Audio)
                {
                    await source.DownloadAudioAsync(conversation, hashing, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await source.DownloadTranscriptAsync(conversation, hashing, cancellationToken).ConfigureAwait(false);
                }

                await hashing.FlushFinalBlockAsync(cancellationToken).ConfigureAwait(false);
            }

            sha256 = Convert.ToHexStringLower(hash.Hash!);
            bytes = file.Length;
        }

        File.Move(part, path, overwrite: true);
        await File.WriteAllTextAsync(path + ".sha256", sha256 + "\n", cancellationToken).ConfigureAwait(false);
        return (sha256, bytes);
    }

    /// <summary>The file's hash and size when it is present and matches its sidecar; otherwise null.</summary>
    private static async Task<(string Sha256, long Bytes)?> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        var sidecar = path + ".sha256";
        if (!File.Exists(path) || !File.Exists(sidecar))
        {
            return null;
        }

        var expected = (await File.ReadAllTextAsync(sidecar, cancellationToken).ConfigureAwait(false)).Trim();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
        return string.Equals(actual, expected, StringComparison.Ordinal) ? (actual, file.Length) : null;
    }

    private static string ExtensionOf(string? url, string fallback)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var extension = System.IO.Path.GetExtension(uri.AbsolutePath);
            if (extension.Length is > 1 and <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit))
            {
                return extension.ToLower(CultureInfo.InvariantCulture);
            }
        }

        return fallback;
    }
}
