using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace RillaGen.Http
{
    /// <summary>
    /// A response body read whole into a buffer rented from <see cref="ArrayPool{T}.Shared"/> and
    /// returned when the content is disposed. A page of conversations is larger than the 85 KB
    /// large-object threshold, so a fresh array per page would land on the large-object heap and
    /// trigger a full (gen 2) collection every few pages.
    /// </summary>
    internal sealed class PooledBodyContent : HttpContent
    {
        private const int InitialSize = 16 * 1024;

        private byte[]? _buffer;

        private PooledBodyContent(byte[] buffer, int count)
        {
            _buffer = buffer;
            Count = count;
        }

        /// <summary>How many bytes of <see cref="Buffer"/> are the body.</summary>
        internal int Count { get; }

        /// <summary>The rented buffer; only the first <see cref="Count"/> bytes are the body.</summary>
        internal byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBodyContent));

        /// <summary>Reads <paramref name="body"/> to its end; <paramref name="expectedLength"/> (Content-Length) sizes the first buffer.</summary>
        internal static async Task<PooledBodyContent> ReadAsync(Stream body, long? expectedLength, CancellationToken cancellationToken)
        {
            // One byte more than announced, so a body of exactly Content-Length needs no second buffer to see its end.
            var size = expectedLength is { } length and >= 0 and < int.MaxValue - 1 ? (int)length + 1 : InitialSize;
            var buffer = ArrayPool<byte>.Shared.Rent(size);
            var count = 0;
            try
            {
                int read;
#if NET5_0_OR_GREATER
                while ((read = await body.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false)) > 0)
#else
                while ((read = await body.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false)) > 0)
#endif
                {
                    count += read;
                    if (count == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        System.Buffer.BlockCopy(buffer, 0, larger, 0, count);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                return new PooledBodyContent(buffer, count);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

#if NET5_0_OR_GREATER
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Buffer.AsMemory(0, Count)).AsTask();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            stream.WriteAsync(Buffer.AsMemory(0, Count), cancellationToken).AsTask();
#else
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Buffer, 0, Count);
#endif

        protected override Task<Stream> CreateContentReadStreamAsync() =>
            Task.FromResult<Stream>(new MemoryStream(Buffer, 0, Count, writable: false));

        protected override bool TryComputeLength(out long length)
        {
            length = Count;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            base.Dispose(disposing);
        }
    }
}
