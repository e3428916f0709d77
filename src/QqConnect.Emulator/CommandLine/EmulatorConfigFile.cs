using System.Text;

namespace QqConnect.Emulator.CommandLine;

/// <summary>
/// Reads the <c>--config</c> file, UTF-8, of at most <see cref="MaxBytes"/> bytes. The bytes are counted as they are
/// read, not taken from the file's length, so a pipe (<c>--config &lt;(...)</c>) is read and a device without end
/// (<c>/dev/zero</c>) stops at the limit.
/// </summary>
internal static class EmulatorConfigFile
{
    /// <summary>The largest configuration file read (1 MiB); a larger one, or a device without end, is refused.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The file's text, without a byte order mark.</summary>
    /// <exception cref="UsageException">No name, a directory, no such file, too large or unreadable.</exception>
    public static string Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("--config needs a file name, got an empty one.", "--config 需要一个文件名，收到的是空的。");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"--config: '{path}' is a directory, not a JSON file.", $"--config：'{path}' 是目录，不是 JSON 文件。");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"--config: there is no file '{path}'.", $"--config：文件 '{path}' 不存在。");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                throw new UsageException(
                    $"--config: '{path}' is larger than 1 MiB; a configuration file must be at most 1 MiB.",
                    $"--config：'{path}' 超过 1 MiB；配置文件最多 1 MiB。");
            }

            return Encoding.UTF8.GetString(buffer, 0, length).TrimStart('\uFEFF');
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new UsageException($"--config: cannot read '{path}': permission denied.", $"--config：无法读取 '{path}'：没有权限。", exception);
        }
        catch (IOException exception)
        {
            var reason = exception.Message.ReplaceLineEndings(" ");
            throw new UsageException($"--config: cannot read '{path}': {reason}", $"--config：无法读取 '{path}'：{reason}", exception);
        }
    }
}
