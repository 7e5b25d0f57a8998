using System;
using System.Net.Http;
using System.Net.Sockets;

namespace Dintero.Connections.Http
{
    /// <summary>Tells a failure to connect (nothing was sent) from a failure once the request was under way.</summary>
    internal static class TransportFailures
    {
        /// <summary>
        /// The status a proxy answered an https tunnel request (CONNECT) with, when that is why the request failed.
        /// .NET 5 and later carry it as HttpRequestException.StatusCode, which netstandard2.0 cannot name; Windows
        /// PowerShell's .NET Framework says it in the message only.
        /// </summary>
        public static int? ProxyTunnelStatus(HttpRequestException exception)
        {
            if (exception.GetType().GetProperty("StatusCode")?.GetValue(exception) is System.Net.HttpStatusCode status) return (int)status;
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (current.Message.IndexOf("407", StringComparison.Ordinal) >= 0 && current.Message.IndexOf("proxy", StringComparison.OrdinalIgnoreCase) >= 0) return 407;
            }
            return null;
        }

        public static bool FailedBeforeSending(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (current is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.NetworkDown:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
                if (current is System.Security.Authentication.AuthenticationException) return true; // TLS handshake: no request yet
            }
            return false;
        }
    }
}
