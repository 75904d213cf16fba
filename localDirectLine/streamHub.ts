import type { Activity } from 'botbuilder';
import { WebSocket } from 'ws';

export interface ActivityGroup {
    activities: Partial<Activity>[];
    watermark?: string;
}

/** The open WebSocket streams of each conversation. */
export class StreamHub {
    private readonly sockets = new Map<string, Set<WebSocket>>();

    add(conversationId: string, socket: WebSocket): void {
        const set = this.sockets.get(conversationId) ?? new Set<WebSocket>();
        set.add(socket);
        this.sockets.set(conversationId, set);
        socket.on('close', () => {
            set.delete(socket);
            if (set.size === 0 && this.sockets.get(conversationId) === set) this.sockets.delete(conversationId);
        });
    }

    send(conversationId: string, group: ActivityGroup): void {
        const message = JSON.stringify(group);
        for (const socket of this.sockets.get(conversationId) ?? []) {
            if (socket.readyState === WebSocket.OPEN) socket.send(message);
        }
    }
}
