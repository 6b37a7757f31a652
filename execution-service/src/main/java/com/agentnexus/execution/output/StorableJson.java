package com.agentnexus.execution.output;

import com.agentnexus.support.StorableText;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Finds text in a JSON document that PostgreSQL's {@code jsonb} cannot hold
 * ({@link StorableText}), in keys and string values at any depth, and says where, as a
 * JSON pointer, so the client can find it.
 */
public final class StorableJson {

    private StorableJson() {
    }

    /**
     * Where the first unstorable key or string is, or null when the whole document can be
     * stored.
     */
    public static @Nullable String firstUnstorable(JsonNode node) {
        return find(node, "");
    }

    private static @Nullable String find(JsonNode node, String pointer) {
        if (node.isString()) {
            return StorableText.isStorable(node.stringValue()) ? null : pointer.isEmpty() ? "/" : pointer;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (!StorableText.isStorable(property.getKey())) {
                    // the key itself cannot be shown: point at the object that holds it
                    return (pointer.isEmpty() ? "/" : pointer) + " (in a key)";
                }
                String found = find(property.getValue(), pointer + "/" + escape(property.getKey()));
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

}
