namespace RillaGen.Http
{
    /// <summary>
    /// A cheap check that a buffered JSON body is whole: one pass over the bytes that tracks string
    /// state and bracket depth, without tokenizing or allocating (the deserializer parses it next, so
    /// a second full parse here would double the client's JSON work). A body cut short ends inside a
    /// string or with an open object or array; one with bytes after the closing bracket is not one
    /// JSON value. Malformed but balanced JSON is left to the deserializer.
    /// </summary>
    internal static class JsonCompleteness
    {
        /// <summary>Null when the body is one complete JSON value, otherwise why not.</summary>
        internal static string? Problem(byte[] bytes, int count)
        {
            var start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            var depth = 0;
            var inString = false;
            var escaped = false;
            var started = false;
            var closed = false;
            for (var i = start; i < count; i++)
            {
                var b = bytes[i];
                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (b == (byte)'\\')
                    {
                        escaped = true;
                    }
                    else if (b == (byte)'"')
                    {
                        inString = false;
                        closed = depth == 0;
                    }

                    continue;
                }

                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    continue;
                }

                if (closed)
                {
                    return $"unexpected content after the JSON value at byte {i}";
                }

                started = true;
                switch (b)
                {
                    case (byte)'"':
                        inString = true;
                        break;
                    case (byte)'{':
                    case (byte)'[':
                        depth++;
                        break;
                    case (byte)'}':
                    case (byte)']':
                        if (--depth < 0)
                        {
                            return $"unbalanced '{(char)b}' at byte {i}";
                        }

                        closed = depth == 0;
                        break;
                }
            }

            return !started || inString || depth != 0 ? "it ended before its JSON was complete; it was probably truncated" : null;
        }
    }
}
